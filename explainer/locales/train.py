"""Strings of the "Watch it learn" page (live training, the batch, export)."""

EN = {
    "train.title": "Watch it learn",
    "train.intro": (
        "Here the chapter's training loop runs for real, on this server, while you watch. A small "
        "CNN starts from random numbers; every **step** it takes one batch of digits from the "
        "`DataLoader`, scores its guesses with a **loss function**, and the **optimizer** nudges "
        "its weights downhill. Choose the settings, press **Train**, and watch the loss fall and "
        "the accuracy rise. Your run is yours alone: nobody else's chart changes."
    ),
    # settings
    "train.settings.header": "The settings",
    "train.settings.caption": (
        "These are the knobs the chapter talks about. An **epoch** is one pass over the training "
        "digits; the **batch size** is how many digits one step looks at; the **learning rate** "
        "is how big each step is."
    ),
    "train.epochs": "Epochs",
    "train.epochs.help": "How many times the loop goes over all the training digits.",
    "train.batch_size": "Batch size",
    "train.batch_size.help": "Digits per optimizer step. Smaller batches: more, noisier steps.",
    "train.lr": "Learning rate",
    "train.lr.help": (
        "How far each step moves the weights. Good values: SGD 0.1, SGD + momentum 0.03, "
        "Adam 0.005. Try 1000 with SGD to see training blow up."
    ),
    "train.optimizer": "Optimizer",
    "train.optimizer.help": "The rule from `torch.optim` that turns gradients into weight changes.",
    "train.optimizer.sgd": "SGD",
    "train.optimizer.momentum": "SGD + momentum",
    "train.optimizer.adam": "Adam",
    "train.train_size": "Training digits",
    "train.train_size.help": "How many of the 4,000 bundled training digits the run may use.",
    "train.seed": "Seed",
    "train.seed.help": "Same seed, same settings: the very same run, step for step.",
    "train.start": "First conv layer starts as",
    "train.start.help": (
        "Random numbers (what a network normally starts from), or the hand-designed kernels from "
        "“Inside the CNN”: edges (Sobel), spots, thin lines and edges (Laplacian) and a blur. "
        "Frozen: the hand kernels stay fixed and only the rest of the network learns."
    ),
    "train.start.random": "random numbers",
    "train.start.hand": "hand-set kernels",
    "train.start.frozen": "hand-set kernels, frozen",
    "train.bad_settings": "These settings cannot train: {error}",
    # live
    "train.live.header": "Training, live",
    "train.summary": (
        "Settings: {epochs} epochs · batch {batch} · {optimizer}, learning rate {lr:g} · "
        "{size} digits · seed {seed} · first layer: {start}"
    ),
    "train.train": "Train",
    "train.stop": "Stop",
    "train.stopping": "Stopping…",
    "train.idle": (
        "Nothing has been trained in this session yet. Choose the settings and press **Train**: "
        "a few seconds are enough for a good model."
    ),
    "train.queued": (
        "Waiting for a free training slot: you are number {position} in line. Only {slots} runs "
        "train at once so this server stays quick for everybody."
    ),
    "train.progress": "Epoch {epoch} of {epochs} · step {step} of {total} · {seconds:.1f} s",
    "train.status.finished": (
        "Finished: {steps} steps in {seconds:.1f} s. Test accuracy on 1,000 digits it never "
        "saw: **{accuracy:.1%}**."
    ),
    "train.status.stopped": (
        "Stopped after {steps} of {total} steps. The model keeps what it learned so far: test "
        "accuracy **{accuracy:.1%}**."
    ),
    "train.status.cancelled": "Stopped before it started: nothing was trained.",
    "train.status.failed": "The run failed: {error}",
    "train.metric.loss": "Last loss",
    "train.metric.train": "Train accuracy",
    "train.metric.test": "Test accuracy",
    "train.metric.speed": "Steps per second",
    "train.loss.header": "Loss per step",
    "train.loss.caption": (
        "Each faint line segment is the loss of one batch; the solid line is its moving average. "
        "Batches differ, so the raw loss is noisy; the trend is what matters."
    ),
    "train.accuracy.header": "Accuracy per epoch",
    "train.accuracy.caption": (
        "Train accuracy is measured on the batches of that epoch, test accuracy on 1,000 digits "
        "the model never trains on. A growing gap between them is overfitting."
    ),
    "train.chart.step": "optimizer step",
    "train.chart.loss": "loss (cross-entropy)",
    "train.chart.raw": "loss of each batch",
    "train.chart.smooth": "smoothed",
    "train.chart.epoch": "epoch",
    "train.chart.accuracy": "accuracy",
    "train.chart.train": "train (its batches)",
    "train.chart.test": "test (1,000 unseen digits)",
    "train.chart.diverged": "loss became {loss} here",
    # divergence
    "train.diverged.title": "The loss blew up: a lesson about the learning rate",
    "train.diverged.body": (
        "At step {step} the loss became **{loss}**, so training stopped on its own. With a "
        "learning rate of {lr:g}, {optimizer} takes steps so large that it jumps right over the "
        "valley it should walk down into. Each jump lands higher than the last, the weights grow "
        "until they no longer fit in a float32 number (infinity), and then arithmetic on them "
        "gives “not a number” (NaN)."
    ),
    "train.diverged.kept": (
        "Nothing was lost: the model was put back to its weights from just before the bad step "
        "({steps} good steps, last finite loss {last}). Try a learning rate 10 or 100 times "
        "smaller and train again."
    ),
    # batch
    "train.batch.header": "The DataLoader, made visible",
    "train.batch.caption": (
        "The `DataLoader` shuffles the training digits and serves them in batches of {batch}. "
        "This is the batch of the latest step (the first {shown}, with their labels): one tensor "
        "of shape [{batch}, 1, 28, 28] and one of {batch} labels."
    ),
    "train.batch.empty": "The current batch appears here while a model trains.",
    # export
    "train.export.header": "Take it with you: export for deployment",
    "train.export.caption": (
        "A trained model is just tensors. Download them as a `state_dict` (safetensors: plain "
        "numbers, no code, safe to open), or as a self-contained program a server can run "
        "without this app's code (`torch.export`). The loss history comes as a CSV table."
    ),
    "train.export.empty": "Train a model first: its files appear here.",
    "train.export.safetensors": "Weights: state_dict (.safetensors)",
    "train.export.pt2": "Program: torch.export (.pt2)",
    "train.export.onnx": "Program: ONNX (.onnx)",
    "train.export.csv": "Loss history (.csv)",
    "train.export.download": "Download {name}",
    "train.export.how": "How to load it",
}

KO = {
    "train.title": "학습 과정 보기",
    "train.intro": (
        "여기서는 1장의 학습 루프가 이 서버에서 실제로 돌아가는 모습을 지켜봅니다. 작은 CNN은 "
        "난수로 채운 가중치에서 출발합니다. **스텝**마다 `DataLoader`에서 숫자 한 배치를 받아 "
        "예측하고 **손실 함수**로 그 예측을 채점하면, **옵티마이저**가 손실이 줄어드는 쪽으로 "
        "가중치를 조금씩 옮깁니다. 설정을 고르고 **학습** 버튼을 눌러, 손실이 떨어지고 정확도가 "
        "오르는 모습을 보세요. 이 실행은 여러분만의 것이라 다른 사람의 차트는 바뀌지 않습니다."
    ),
    "train.settings.header": "설정",
    "train.settings.caption": (
        "1장에서 다루는 설정값입니다. **에포크**는 학습용 숫자 전체를 한 번 훑는 것, **배치 "
        "크기**는 한 스텝에서 보는 숫자의 개수, **학습률**은 한 스텝에서 가중치를 얼마나 크게 "
        "움직이는지입니다."
    ),
    "train.epochs": "에포크",
    "train.epochs.help": "루프가 학습용 숫자 전체를 몇 번 훑을지 정합니다.",
    "train.batch_size": "배치 크기",
    "train.batch_size.help": (
        "옵티마이저 스텝 한 번에 쓰는 숫자 개수입니다. 배치가 작으면 스텝 수는 많아지지만 스텝마다 "
        "더 들쭉날쭉합니다."
    ),
    "train.lr": "학습률",
    "train.lr.help": (
        "스텝 한 번에 가중치를 얼마나 움직일지 정합니다. 알맞은 값: SGD 0.1, SGD + 모멘텀 0.03, "
        "Adam 0.005. SGD에 1000을 넣으면 학습이 폭발하는 모습을 볼 수 있습니다."
    ),
    "train.optimizer": "옵티마이저",
    "train.optimizer.help": (
        "`torch.optim`에 있는 규칙으로, 그레이디언트를 보고 가중치를 얼마나 바꿀지 정합니다."
    ),
    "train.optimizer.sgd": "SGD",
    "train.optimizer.momentum": "SGD + 모멘텀",
    "train.optimizer.adam": "Adam",
    "train.train_size": "학습용 숫자 개수",
    "train.train_size.help": "앱에 들어 있는 학습용 숫자 4,000개 가운데 이번 실행에서 쓸 개수입니다.",
    "train.seed": "시드",
    "train.seed.help": "같은 시드, 같은 설정이면 한 스텝 한 스텝까지 똑같은 실행이 됩니다.",
    "train.start": "첫 합성곱 층의 초깃값",
    "train.start.help": (
        "난수(신경망이 보통 출발하는 곳), 또는 “CNN의 내부”에 나오는 손으로 설계한 커널: "
        "에지(Sobel), 점·가는 선·에지(라플라시안), 블러. 고정: 손으로 만든 커널은 그대로 두고 "
        "나머지 신경망만 학습합니다."
    ),
    "train.start.random": "난수",
    "train.start.hand": "손으로 설계한 커널",
    "train.start.frozen": "손으로 설계한 커널, 고정",
    "train.bad_settings": "이 설정으로는 학습할 수 없습니다: {error}",
    "train.live.header": "실시간 학습",
    "train.summary": (
        "설정: 에포크 {epochs} · 배치 {batch} · {optimizer}, 학습률 {lr:g} · 숫자 {size}개 · "
        "시드 {seed} · 첫 층: {start}"
    ),
    "train.train": "학습",
    "train.stop": "정지",
    "train.stopping": "멈추는 중…",
    "train.idle": (
        "이 세션에서는 아직 학습한 모델이 없습니다. 설정을 고르고 **학습**을 누르세요. 몇 초만 "
        "학습해도 꽤 좋은 모델이 나옵니다."
    ),
    "train.queued": (
        "학습 차례를 기다리는 중입니다. 대기 순서: {position}번. 모두가 서버를 빠르게 쓸 수 있도록 "
        "한 번에 {slots}개까지만 학습합니다."
    ),
    "train.progress": "에포크 {epoch}/{epochs} · 스텝 {step}/{total} · {seconds:.1f}초",
    "train.status.finished": (
        "완료: {seconds:.1f}초 동안 {steps}스텝을 학습했습니다. 학습 중 한 번도 보지 않은 숫자 "
        "1,000개에 대한 테스트 정확도: **{accuracy:.1%}**."
    ),
    "train.status.stopped": (
        "{total}스텝 중 {steps}스텝에서 멈췄습니다. 모델은 그때까지 학습한 내용을 그대로 "
        "간직합니다. 테스트 정확도: **{accuracy:.1%}**."
    ),
    "train.status.cancelled": "시작하기 전에 멈춰서 학습한 내용이 없습니다.",
    "train.status.failed": "실행이 실패했습니다: {error}",
    "train.metric.loss": "마지막 손실",
    "train.metric.train": "학습 정확도",
    "train.metric.test": "테스트 정확도",
    "train.metric.speed": "초당 스텝",
    "train.loss.header": "스텝별 손실",
    "train.loss.caption": (
        "흐린 선은 배치 하나하나의 손실이고, 진한 선은 그 이동 평균입니다. 배치마다 들어 있는 "
        "숫자가 달라서 손실 값 자체는 들쭉날쭉합니다. 봐야 할 것은 추세입니다."
    ),
    "train.accuracy.header": "에포크별 정확도",
    "train.accuracy.caption": (
        "학습 정확도는 그 에포크에 쓴 배치로, 테스트 정확도는 모델이 학습에 한 번도 쓰지 않은 숫자 "
        "1,000개로 잽니다. 둘의 차이가 점점 벌어지면 과적합입니다."
    ),
    "train.chart.step": "옵티마이저 스텝",
    "train.chart.loss": "손실 (교차 엔트로피)",
    "train.chart.raw": "배치별 손실",
    "train.chart.smooth": "이동 평균",
    "train.chart.epoch": "에포크",
    "train.chart.accuracy": "정확도",
    "train.chart.train": "학습 (그 에포크의 배치)",
    "train.chart.test": "테스트 (처음 보는 숫자 1,000개)",
    "train.chart.diverged": "여기서 손실이 {loss:이/가} 됨",
    "train.diverged.title": "손실이 폭발했습니다: 학습률에 관한 교훈",
    "train.diverged.body": (
        "스텝 {step}에서 손실이 **{loss:이/가}** 되어 학습이 스스로 멈췄습니다. 학습률이 {lr:g}일 "
        "때 {optimizer:은/는} 한 걸음이 너무 커서, 내려가야 할 골짜기를 그대로 뛰어넘습니다. 뛸 "
        "때마다 전보다 더 높은 곳에 떨어지고, 가중치는 점점 커지다가 float32로 나타낼 수 없는 "
        "값(무한대)이 되며, 그 뒤의 계산 결과는 “숫자가 아님”(NaN)이 됩니다."
    ),
    "train.diverged.kept": (
        "잃은 것은 없습니다. 모델의 가중치를 문제가 생기기 바로 전의 값으로 되돌렸습니다(정상적으로 "
        "마친 스텝 {steps}번, 마지막 유한 손실 {last}). 학습률을 10배나 100배 줄여서 다시 학습해 "
        "보세요."
    ),
    "train.batch.header": "DataLoader를 눈으로 보기",
    "train.batch.caption": (
        "`DataLoader`는 학습용 숫자를 섞은 뒤 {batch}개씩 배치로 묶어 내어 줍니다. 아래는 가장 최근 "
        "스텝의 배치입니다(앞쪽 {shown}개와 그 레이블). 배치는 모양이 [{batch}, 1, 28, 28]인 텐서 "
        "하나와 레이블 {batch}개가 든 텐서 하나로 이루어집니다."
    ),
    "train.batch.empty": "모델이 학습하는 동안 현재 배치가 여기에 나타납니다.",
    "train.export.header": "가져가기: 배포용 내보내기",
    "train.export.caption": (
        "학습된 모델은 결국 텐서 묶음일 뿐입니다. `state_dict`로 내려받거나(safetensors 형식: 코드 "
        "없이 수치만 들어 있어 열어도 안전합니다), 이 앱의 코드 없이도 서버에서 실행할 수 있는 독립 "
        "프로그램(`torch.export`)으로 내려받으세요. 손실 기록은 CSV 표로 받을 수 있습니다."
    ),
    "train.export.empty": "먼저 모델을 학습하세요. 그러면 여기에 파일이 나타납니다.",
    "train.export.safetensors": "가중치: state_dict (.safetensors)",
    "train.export.pt2": "프로그램: torch.export (.pt2)",
    "train.export.onnx": "프로그램: ONNX (.onnx)",
    "train.export.csv": "손실 기록 (.csv)",
    "train.export.download": "{name} 내려받기",
    "train.export.how": "불러오는 방법",
}
