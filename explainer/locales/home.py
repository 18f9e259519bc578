"""Strings of the home page, "Chapter 1 in one screen"."""

EN = {
    "home.title": "Chapter 1 in one screen",
    "home.intro": (
        "Chapter 1 of *Deep Learning with PyTorch* (Eli Stevens, Luca Antiga and Thomas Viehmann, "
        "Manning 2020) makes one big claim: features that a network **learns** from data have "
        "replaced features that people **engineered** by hand. This app shows it happening on 5,000 "
        "real handwritten digits from MNIST, on this machine, live. Start here for the map; each "
        "page then shows one part of it."
    ),
    "home.anatomy.header": "The anatomy of a PyTorch project",
    "home.anatomy.caption": (
        "Every PyTorch project has these parts. Data becomes tensors, a `Dataset` serves them one "
        "by one, a `DataLoader` batches and shuffles them, a model from `torch.nn` turns a batch "
        "into predictions, a loss scores them, an optimizer from `torch.optim` nudges the weights, "
        "and a loop that **you** write repeats it. Highlighted stages can be seen live in this app:"
    ),
    "home.stage.data": "Data",
    "home.stage.dataset": "Dataset",
    "home.stage.dataloader": "DataLoader",
    "home.stage.model": "Model",
    "home.stage.loss": "Loss",
    "home.stage.optimizer": "Optimizer",
    "home.stage.loop": "Training loop",
    "home.stage.trained": "Trained model",
    "home.stage.export": "Export for deployment",
    "home.stage.link": "{stage} → {page}",
    "home.machine.header": "The chapter's exercises, answered by this machine",
    "home.machine.caption": (
        "The chapter ends by asking which Python and PyTorch you have and whether a GPU is "
        "available. Here are the answers from the machine that is running this page right now."
    ),
    "home.machine.question": "Question",
    "home.machine.answer": "Answer",
    "home.machine.meaning": "What it means",
    "home.fact.python": "Python version",
    "home.fact.python.why": (
        "PyTorch is a Python library: your code drives it from this interpreter, while the heavy "
        "work runs in compiled C++ (and CUDA on a GPU)."
    ),
    "home.fact.torch": "PyTorch version",
    "home.fact.torch.why": "The version of the library; APIs in the book work from 1.x onwards.",
    "home.fact.build": "PyTorch build",
    "home.fact.build.why": "A CPU-only build cannot use a GPU even if one is present; a CUDA build can.",
    "home.fact.cuda": "CUDA GPU available?",
    "home.fact.cuda.why": "`torch.cuda.is_available()`: whether tensors can be moved to an NVIDIA GPU with `.to('cuda')`.",
    "home.fact.cuda_devices": "CUDA devices",
    "home.fact.cuda_devices.why": "The GPUs PyTorch can see, as `cuda:0`, `cuda:1`, ...",
    "home.fact.mps": "Apple MPS available?",
    "home.fact.mps.why": "`torch.backends.mps.is_available()`: the GPU of Apple-silicon Macs.",
    "home.fact.cpu": "Processor",
    "home.fact.cpu.why": "Without a GPU, every tensor operation runs here.",
    "home.fact.threads": "CPU threads used by torch",
    "home.fact.threads.why": "`torch.get_num_threads()`: how many cores one operation may use at once.",
    "home.fact.blas": "Linear-algebra library (BLAS)",
    "home.fact.blas.why": "The tuned library that does matrix multiplications on the CPU.",
    "home.loop.header": "A library, not a framework: you own the loop",
    "home.loop.caption": (
        "PyTorch does not hide training behind a `fit()` you cannot read. This is the real "
        "training loop of this app, the function that runs when you press *Train*: ordinary "
        "Python that calls `loss.backward()` and `optimizer.step()`."
    ),
    "home.loop.caption_data": (
        "PyTorch does not hide the work behind a framework: this is the real code that loads the "
        "digits and wraps them in a `Dataset`, ordinary Python you can read and change."
    ),
    "home.data.header": "The data, made visible",
    "home.data.caption": (
        "{train} training and {test} test digits, {per_class} of each class in the test set: "
        "real MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0), shipped with the app."
    ),
    "home.tensor.header": "What one digit is to PyTorch",
    "home.tensor.pick": "Test digit number",
    "home.tensor.facts": (
        "To PyTorch this digit is a tensor of shape `{shape}`, dtype `{dtype}`, values from "
        "{lo} (black background) to {hi} (white ink). Label: **{label}**."
    ),
    "home.input.header": "What the CNN receives",
    "home.input.caption": (
        "The CNN is not given this digit's bytes as they are. `to_model_input` turns a batch of "
        "digits into float32, divides by 255, adds a channel axis (`[N, 1, 28, 28]`), subtracts "
        "MNIST's mean pixel value ({mean}, on the 0-1 scale) and divides by its standard "
        "deviation ({std}). Here N = 1, this one digit; in training, N is the batch size. Every "
        "number in the table is read off the two tensors."
    ),
    "home.input.stored": "As stored",
    "home.input.fed": "As the CNN receives it",
    "home.input.dtype": "dtype",
    "home.input.shape": "shape",
    "home.input.min": "smallest value",
    "home.input.max": "largest value",
    "home.input.mean": "mean",
}

KO = {
    "home.title": "1장을 한 화면에",
    "home.intro": (
        "『Deep Learning with PyTorch』(Eli Stevens, Luca Antiga, Thomas Viehmann 지음, Manning, "
        "2020) 1장이 내세우는 주장은 하나입니다. 사람이 특징을 손으로 설계하던 **특징 공학**(피처 "
        "엔지니어링)은 물러나고, 신경망이 데이터에서 스스로 **학습한** 특징이 그 자리를 차지했다는 "
        "것입니다. 이 앱은 MNIST의 실제 손글씨 숫자 5,000개를 가지고, 바로 이 컴퓨터에서 그 일이 "
        "일어나는 모습을 실시간으로 보여 줍니다. 여기서 전체 그림을 먼저 보고, 각 페이지에서 한 "
        "부분씩 살펴보세요."
    ),
    "home.anatomy.header": "파이토치 프로젝트의 구조",
    "home.anatomy.caption": (
        "파이토치 프로젝트는 모두 다음 요소로 이루어집니다. 데이터를 텐서로 바꾸면 `Dataset`이 "
        "하나씩 꺼내 주고, `DataLoader`가 섞어서 배치로 묶습니다. `torch.nn`으로 만든 모델이 배치를 "
        "받아 예측을 내놓으면 손실 함수가 그 예측을 채점하고, `torch.optim`의 옵티마이저가 가중치를 "
        "조금씩 고칩니다. 이 과정을 되풀이하는 루프는 **여러분이** 직접 작성합니다. 강조된 단계는 "
        "이 앱에서 직접 볼 수 있습니다:"
    ),
    "home.stage.data": "데이터",
    "home.stage.dataset": "Dataset",
    "home.stage.dataloader": "DataLoader",
    "home.stage.model": "모델",
    "home.stage.loss": "손실 함수",
    "home.stage.optimizer": "옵티마이저",
    "home.stage.loop": "학습 루프",
    "home.stage.trained": "학습된 모델",
    "home.stage.export": "배포용 내보내기",
    "home.stage.link": "{stage} → {page}",
    "home.machine.header": "1장 연습 문제: 이 컴퓨터의 답",
    "home.machine.caption": (
        "1장은 어떤 버전의 파이썬과 파이토치를 쓰고 있는지, GPU를 쓸 수 있는지 묻는 연습 문제로 "
        "끝납니다. 아래는 지금 이 페이지를 실행하고 있는 컴퓨터가 내놓은 답입니다."
    ),
    "home.machine.question": "질문",
    "home.machine.answer": "답",
    "home.machine.meaning": "의미",
    "home.fact.python": "파이썬 버전",
    "home.fact.python.why": (
        "파이토치는 파이썬 라이브러리입니다. 여러분의 코드는 이 인터프리터에서 파이토치를 호출하고, "
        "무거운 계산은 컴파일된 C++ 코드(GPU에서는 CUDA 코드)가 맡습니다."
    ),
    "home.fact.torch": "파이토치 버전",
    "home.fact.torch.why": "라이브러리의 버전입니다. 책에 나오는 API는 1.x 이후 버전이면 동작합니다.",
    "home.fact.build": "파이토치 빌드",
    "home.fact.build.why": "CPU 전용 빌드는 GPU가 있어도 쓸 수 없고, CUDA 빌드는 쓸 수 있습니다.",
    "home.fact.cuda": "CUDA GPU를 쓸 수 있나요?",
    "home.fact.cuda.why": (
        "`torch.cuda.is_available()`: 텐서를 `.to('cuda')`로 NVIDIA GPU에 옮길 수 있는지 알려 "
        "줍니다."
    ),
    "home.fact.cuda_devices": "CUDA 장치",
    "home.fact.cuda_devices.why": (
        "파이토치가 인식한 GPU 목록입니다. 코드에서는 `cuda:0`, `cuda:1`처럼 부릅니다."
    ),
    "home.fact.mps": "Apple MPS를 쓸 수 있나요?",
    "home.fact.mps.why": (
        "`torch.backends.mps.is_available()`: 애플 실리콘 맥의 GPU를 쓸 수 있는지 알려 줍니다."
    ),
    "home.fact.cpu": "프로세서",
    "home.fact.cpu.why": "GPU가 없으면 모든 텐서 연산이 여기서 실행됩니다.",
    "home.fact.threads": "torch가 쓰는 CPU 스레드 수",
    "home.fact.threads.why": "`torch.get_num_threads()`: 연산 하나가 동시에 쓸 수 있는 코어 수입니다.",
    "home.fact.blas": "선형대수 라이브러리 (BLAS)",
    "home.fact.blas.why": "CPU에서 행렬 곱셈을 맡는, 속도에 맞게 다듬은 라이브러리입니다.",
    "home.loop.header": "프레임워크가 아니라 라이브러리: 루프는 여러분이 씁니다",
    "home.loop.caption": (
        "파이토치는 속을 들여다볼 수 없는 `fit()` 안에 학습을 감추지 않습니다. 아래는 *학습* 버튼을 "
        "누르면 실행되는 이 앱의 실제 학습 루프로, `loss.backward()`와 `optimizer.step()`을 "
        "호출하는 평범한 파이썬 코드입니다."
    ),
    "home.loop.caption_data": (
        "파이토치는 프레임워크 안에 작업을 감추지 않습니다. 아래는 숫자를 불러와 `Dataset`으로 "
        "감싸는 실제 코드로, 읽고 고칠 수 있는 평범한 파이썬 코드입니다."
    ),
    "home.data.header": "눈으로 보는 데이터",
    "home.data.caption": (
        "학습용 {train}개, 테스트용 {test}개(테스트용은 클래스마다 {per_class}개): 앱에 함께 들어 "
        "있는 실제 MNIST 숫자입니다(LeCun, Cortes, Burges; CC BY-SA 3.0)."
    ),
    "home.tensor.header": "파이토치가 보는 숫자 하나",
    "home.tensor.pick": "테스트 숫자 번호",
    "home.tensor.facts": (
        "파이토치에게 이 숫자는 모양 `{shape}`, 자료형 `{dtype}`, 값의 범위가 {lo}(검은 배경)부터 "
        "{hi}(흰 잉크)까지인 텐서입니다. 레이블: **{label}**."
    ),
    "home.input.header": "CNN이 받는 입력",
    "home.input.caption": (
        "CNN은 이 숫자의 바이트를 그대로 받지 않습니다. `to_model_input`은 숫자 배치를 float32로 바꿔 "
        "255로 나누고, 채널 축을 더한 뒤(`[N, 1, 28, 28]`), MNIST 픽셀값의 평균({mean}, 0~1 "
        "척도)을 빼고 표준편차({std})로 나눕니다. 여기서는 이 숫자 하나만 넣었으니 N = 1이고, "
        "학습할 때 N은 배치 크기입니다. 표의 값은 모두 두 텐서에서 직접 읽은 것입니다."
    ),
    "home.input.stored": "저장된 그대로",
    "home.input.fed": "CNN이 받는 모습",
    "home.input.dtype": "자료형 (dtype)",
    "home.input.shape": "모양 (shape)",
    "home.input.min": "최솟값",
    "home.input.max": "최댓값",
    "home.input.mean": "평균",
}
