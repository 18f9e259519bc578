"""Strings of the notebooks that every page downloads (``explainer.notebooks``), and its button."""

EN = {
    "notebook.download": "Notebook",
    "notebook.download.help": (
        "Download this page as a Jupyter notebook: the same figures, made by the same code, "
        "to run and change yourself."
    ),
    "notebook.needs": (
        "This notebook reproduces the page's main figures with the `explainer` package, offline. "
        "It needs the app's repository installed in the Python of your Jupyter kernel: "
        "`pip install -r requirements.txt` in the repository (the first cell fails clearly if "
        "not). Run the cells from top to bottom."
    ),
    "notebook.home.exercise": (
        "## The chapter's exercises\n\nWhich Python runs this notebook, which PyTorch, and can it "
        "use a CUDA GPU? A *cell* is the unit you run; the *kernel* is the process that runs it "
        "and sends back the answer."
    ),
    "notebook.home.kernel": (
        "Is this kernel's Python the same as your shell's? Compare `executable`, `prefix` and "
        "`torch_file` with what `python -m explainer env` prints in your shell."
    ),
    "notebook.home.data": (
        "## The data, as tensors\n\nThe 1,000 test digits: a `uint8` tensor `[N, 28, 28]`, "
        "white ink on black, and their labels."
    ),
    "notebook.features.steps": (
        "## A hand-written feature extractor, step by step\n\nBinarize, fill holes, thin to a "
        "skeleton, count scanline crossings: rules a person wrote."
    ),
    "notebook.features.table": "The feature values of every test digit, one row each:",
    "notebook.features.classifiers": (
        "Two classifiers on those features: the readable rules and a linear classifier. The "
        "confusion matrix shows the linear classifier's answers against the true digits."
    ),
    "notebook.cnn_vs_hand.answers": (
        "## Learned features against hand-made ones\n\nEvery classifier's answer on the 1,000 "
        "test digits, and its accuracy:"
    ),
    "notebook.cnn_vs_hand.per_class": ("Accuracy per digit, then the CNN's confusion matrix:"),
    "notebook.train.train": (
        "## Train the CNN\n\nOne epoch on 500 training digits, with the app's own training "
        "loop (a few seconds on a laptop), then its loss after every step:"
    ),
    "notebook.train.loop": (
        "The loop is ordinary Python: `DataLoader` → model → loss → `backward()` → "
        "`optimizer.step()`. Here is its source:"
    ),
    "notebook.autograd.graph": (
        "Autograd, live: the CNN's loss on one test digit, and the graph PyTorch recorded while it "
        "ran, found by walking `loss.grad_fn` and `next_functions`."
    ),
    "notebook.autograd.gradient": (
        "The gradient on every input pixel (what would change the answer), then the number of "
        "parameters in each layer."
    ),
    "notebook.tensors.sums": (
        "Tensors are typed blocks of numbers, not Python objects: the same sum in Python loops, "
        "NumPy and torch, timed."
    ),
    "notebook.tensors.shared": (
        "`torch.from_numpy` shares memory with the array: change one and the other changes. "
        "`.to()` makes a copy."
    ),
    "notebook.inside.filters": (
        "## Inside the CNN\n\nThe first layer's filters, learned from data, beside kernels that "
        "people designed (Sobel, Laplacian):"
    ),
    "notebook.inside.maps": ("What each layer makes of one digit: its feature maps, after ReLU."),
    "notebook.speed.sweep": (
        "## Tensors and speed\n\nA small benchmark with the app's own code: matrix "
        "multiplication and addition at two sizes, on every device here."
    ),
    "notebook.speed.timer": ("The tool underneath, `torch.utils.benchmark`, timing one operation:"),
    "notebook.data.dataset": (
        "## Dataset and DataLoader\n\nA `Dataset` that holds digits as PNG bytes and decodes "
        "one when asked, as a folder of image files would. Its source, one item, and a batch "
        "collated from eight items, with their shapes:"
    ),
    "notebook.data.workers": (
        "A `DataLoader` with `num_workers=0` makes every batch in this process; with 2, two "
        "worker processes make batches while the loop waits for them. Items per second, then "
        "which worker made which batch:"
    ),
}

KO = {
    "notebook.download": "노트북",
    "notebook.download.help": (
        "이 페이지를 주피터 노트북으로 내려받습니다. 같은 코드로 같은 그림을 만들어 직접 실행하고 "
        "고쳐 볼 수 있습니다."
    ),
    "notebook.needs": (
        "이 노트북은 `explainer` 패키지로 페이지의 주요 그림을 오프라인에서 다시 만듭니다. 주피터 "
        "커널이 쓰는 파이썬에 이 앱의 저장소가 설치되어 있어야 합니다. 저장소 폴더에서 "
        "`pip install -r requirements.txt`를 실행하세요(설치되어 있지 않으면 첫 셀에서 바로 오류가 "
        "납니다). 셀은 위에서 아래로 차례대로 실행하세요."
    ),
    "notebook.home.exercise": (
        "## 1장 연습 문제\n\n이 노트북은 어떤 파이썬과 어떤 파이토치로 실행될까요? CUDA GPU를 쓸 수 "
        "있을까요? *셀*은 한 번에 실행하는 코드 단위이고, *커널*은 그 셀을 실행하고 결과를 돌려주는 "
        "프로세스입니다."
    ),
    "notebook.home.kernel": (
        "이 커널의 파이썬은 셸의 파이썬과 같을까요? 셸에서 `python -m explainer env`를 실행해 "
        "나온 `executable`, `prefix`, `torch_file`과 비교해 보세요."
    ),
    "notebook.home.data": (
        "## 텐서로 보는 데이터\n\n테스트용 숫자 1,000개입니다. 검은 바탕에 흰 잉크로 쓴 `uint8` 텐서 "
        "`[N, 28, 28]`와 그 레이블입니다."
    ),
    "notebook.features.steps": (
        "## 손으로 짠 특징 추출기, 단계별로\n\n이진화하고, 구멍을 채우고, 골격만 남기고, 주사선이 "
        "획을 몇 번 지나는지 셉니다. 모두 사람이 정한 규칙입니다."
    ),
    "notebook.features.table": "테스트용 숫자마다 한 행씩, 특징값을 모은 표입니다.",
    "notebook.features.classifiers": (
        "이 특징으로 분류하는 두 가지 방법입니다. 사람이 읽을 수 있는 규칙과 선형 분류기입니다. "
        "혼동 행렬은 선형 분류기의 답을 실제 숫자와 맞대어 보여 줍니다."
    ),
    "notebook.cnn_vs_hand.answers": (
        "## 학습된 특징과 손으로 만든 특징\n\n테스트용 숫자 1,000개에 대한 분류기별 답과 "
        "정확도입니다."
    ),
    "notebook.cnn_vs_hand.per_class": "숫자별 정확도와 CNN의 혼동 행렬입니다.",
    "notebook.train.train": (
        "## CNN 학습하기\n\n앱의 학습 루프로 학습용 숫자 500개를 한 에포크 동안 학습합니다(노트북 "
        "컴퓨터에서 몇 초면 끝납니다). 그다음 스텝마다 기록한 손실을 그립니다."
    ),
    "notebook.train.loop": (
        "학습 루프는 평범한 파이썬 코드입니다. `DataLoader` → 모델 → 손실 → `backward()` → "
        "`optimizer.step()` 순서로 돌아갑니다. 아래는 그 소스 코드입니다."
    ),
    "notebook.autograd.graph": (
        "자동 미분(autograd)을 직접 봅니다. 테스트 숫자 하나에 대한 CNN의 손실과, 계산하는 동안 "
        "PyTorch가 기록한 그래프를 `loss.grad_fn`과 `next_functions`를 따라가며 찾습니다."
    ),
    "notebook.autograd.gradient": (
        "입력 픽셀마다의 기울기(답을 바꾸려면 어디를 바꿔야 하는지), 그리고 층마다의 파라미터 수입니다."
    ),
    "notebook.tensors.sums": (
        "텐서는 파이썬 객체가 아니라 타입이 정해진 숫자 덩어리입니다. 같은 합을 파이썬 반복문, "
        "NumPy, torch로 구하고 시간을 잽니다."
    ),
    "notebook.tensors.shared": (
        "`torch.from_numpy`는 배열과 메모리를 함께 씁니다. 한쪽을 바꾸면 다른 쪽도 바뀝니다. "
        "`.to()`는 복사본을 만듭니다."
    ),
    "notebook.inside.filters": (
        "## CNN의 내부\n\n데이터에서 학습한 첫 번째 층의 필터와, 사람이 설계한 커널(소벨, "
        "라플라시안)을 나란히 봅니다."
    ),
    "notebook.inside.maps": "숫자 하나가 각 층을 지나며 만들어 내는 특징 맵(ReLU 적용 후)입니다.",
    "notebook.speed.sweep": (
        "## 텐서와 속도\n\n앱의 벤치마크 코드로 짧게 측정해 봅니다. 이 컴퓨터의 모든 장치에서 두 "
        "가지 크기의 행렬 곱셈과 덧셈을 잽니다."
    ),
    "notebook.speed.timer": (
        "그 밑에서 일하는 도구인 `torch.utils.benchmark`로 연산 하나의 시간을 재 봅니다."
    ),
    "notebook.data.dataset": (
        "## Dataset과 DataLoader\n\n이미지 파일이 담긴 폴더처럼, 숫자를 PNG 바이트로 들고 있다가 "
        "요청이 오면 하나씩 디코딩하는 `Dataset`입니다. 소스 코드, 항목 하나, 항목 여덟 개를 묶은 "
        "배치를 모양과 함께 봅니다."
    ),
    "notebook.data.workers": (
        "`num_workers=0`인 `DataLoader`는 모든 배치를 이 프로세스에서 만듭니다. 2로 두면 워커 "
        "프로세스 두 개가 배치를 만드는 동안 루프는 배치를 기다립니다. 초당 항목 수를 보고, 어느 "
        "워커가 어느 배치를 만들었는지 살펴봅니다."
    ),
}
