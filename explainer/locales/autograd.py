"""Strings of the "Autograd, live" page: the graph, the gradients, the check, one step, parameters."""

EN = {
    "nav.autograd": "Autograd, live",
    "autograd.title": "Autograd, live",
    "autograd.intro": (
        "The chapter says that PyTorch remembers every operation done on a tensor and computes "
        "the derivatives by itself: **autograd**. Watch it happen on your digit. The CNN reads "
        "the digit, a loss measures how far its answer is from a target, and PyTorch walks back "
        "through everything it recorded to find how the loss changes with every pixel and every "
        "weight. Then check those derivatives against the definition of a derivative, take one "
        "training step yourself, and count the numbers being learned."
    ),
    "autograd.pick.header": "Choose a digit",
    "autograd.target": "The target: the digit the loss aims at",
    "autograd.target.label": (
        "A test digit's target starts as its label. Pick another digit to ask: what would make "
        "the CNN say that instead?"
    ),
    "autograd.target.own": (
        "Your own digit has no label, so the target starts as the CNN's answer. Pick another "
        "digit to ask what would change it."
    ),
    "autograd.bad_digit": "This digit cannot be used here. What went wrong:",
    "autograd.graph.header": "The graph autograd recorded",
    "autograd.graph.summary": (
        "The CNN says **{answer}** ({p:.1%}). Against the target **{target}** the loss is "
        "**{loss:.4g}**: the cross-entropy, minus the log of the probability the CNN gives "
        "{target} ({p_target:.1%})."
    ),
    "autograd.graph.caption": (
        "Every box is a node of the graph PyTorch built during the forward pass, found by "
        "starting at `loss.grad_fn` and following each node's `next_functions`: {nodes} nodes "
        "in all. Read it from the top. The gradient leaves the loss and goes back through each "
        "operation of the forward pass in reverse order, down to the {leaves} leaves at the "
        "bottom: the weights (blue) and your digit (green), where `.grad` is filled in.\n\n"
        "Each node is named after the operation whose derivative it knows: "
        "`ConvolutionBackward0` for a convolution, `AddmmBackward0` for a linear layer "
        "(*add* the bias to a *m*atrix *m*ultiply). The words under each name say what it did "
        "going forward. Flattening shows up as a copy and a view because this CNN keeps its "
        "images channels-last in memory."
    ),
    "autograd.graph.input": "your digit",
    "autograd.op.loss": "loss: negative log-likelihood",
    "autograd.op.log_softmax": "log-softmax (part of the loss)",
    "autograd.op.linear": "linear layer: x·Wᵀ + b",
    "autograd.op.transpose": "transpose of the weights",
    "autograd.op.relu": "ReLU",
    "autograd.op.max_pool": "max-pool 2x2",
    "autograd.op.convolution": "convolution",
    "autograd.op.flatten": "flatten to a vector",
    "autograd.op.copy": "copy (memory layout)",
    "autograd.op.leaf": "leaf",
    "autograd.op.other": "another operation",
    "autograd.grad.header": "The gradients: what would change the answer",
    "autograd.grad.caption": (
        "Left: your digit. Right: the gradient of the loss with respect to each of its 784 "
        "pixels, all from one backward pass. **Blue**: more ink there would lower the loss and "
        "make the CNN surer it sees **{target}**. **Red**: more ink there would raise the loss. "
        "Near-white pixels hardly matter."
    ),
    "autograd.grad.digit": "your digit",
    "autograd.grad.input": "d loss / d pixel",
    "autograd.grad.colorbar": "gradient",
    "autograd.grad.filters": "The gradient on each of the {count} first-layer filters",
    "autograd.grad.filters_caption": (
        "The same backward pass gives a gradient for every weight. Each tile is one 5x5 filter "
        "of the first convolution. A training step moves each weight a little against its "
        "gradient: down where the tile is red, up where it is blue."
    ),
    "autograd.check.header": "Checking autograd, live",
    "autograd.check.caption": (
        "Is autograd right? A derivative says how the loss changes when you nudge a weight, so "
        "nudge it: (L(w + h) − L(w − h)) / 2h with h = {step:g}, on a float64 copy of the CNN. "
        "Here that is done for {n} weights chosen at random (with a fixed seed) from every "
        "layer, among those the loss depends on for this digit. Each point is one weight: "
        "autograd across, the finite difference up, both as sizes on log scales (red: "
        "positive, blue: negative), since the gradients span several orders of magnitude. They "
        "lie on the diagonal.\n\n"
        "PyTorch has this test built in: `torch.autograd.gradcheck` compares autograd with "
        "finite differences for every input of a function. Here the function is the loss of "
        "your digit as a function of {weights} weights of the first filter (tolerances: atol "
        "{atol:g}, rtol {rtol:g})."
    ),
    "autograd.check.largest": "Largest |autograd − finite difference|",
    "autograd.check.gradcheck": "torch.autograd.gradcheck",
    "autograd.check.passed": "passed",
    "autograd.check.failed": "failed",
    "autograd.check.table": "The {n} weights, number by number",
    "autograd.step.header": "One step of the loop you own",
    "autograd.step.caption": (
        "Training is three lines, repeated: the forward pass, `loss.backward()`, "
        "`optimizer.step()`. Take **one** SGD step on this digit alone: each weight moves by "
        "minus the learning rate times its gradient. The step runs on a copy of the CNN, so "
        "nobody else's model changes."
    ),
    "autograd.step.lr": "Learning rate",
    "autograd.step.run": "Take one step",
    "autograd.step.none": "Choose a learning rate and press **Take one step**.",
    "autograd.step.before": "Loss before",
    "autograd.step.after": "Loss after",
    "autograd.step.test": "Test accuracy after",
    "autograd.step.lower": "The loss went down, from {before:.4g} to {after:.4g}.",
    "autograd.step.higher": (
        "The loss went **up**, from {before:.4g} to {after:.4g}: with this learning rate the "
        "step overshot."
    ),
    "autograd.step.exploded": (
        "The loss exploded. With a learning rate of {lr:g} the weights overflowed and the loss "
        "became {after}. Choose a smaller learning rate: nothing else has changed."
    ),
    "autograd.step.others": (
        "On the {n:,} test digits: loss {before:.3g} → {after:.3g}, accuracy {acc_before:.1%} → "
        "{acc_after:.1%}."
    ),
    "autograd.step.forgot": (
        "This digit is fine, but look at the others. A step taken for one digit moves weights "
        "that every digit shares, and a step this large wrecks them. That is why training "
        "takes small steps, each on a batch of many digits."
    ),
    "autograd.step.moved": "The weights that moved most, per layer",
    "autograd.params.header": "How many numbers are learned",
    "autograd.params.caption": (
        "The chapter talks about the number of parameters: the numbers a model learns. The CNN "
        "has **{cnn:,}**, most of them in `fc1`, the linear layer that reads the last feature "
        "maps. The linear classifier on the hand-made features has **{linear:,}**: its "
        "knowledge is mostly in the feature extractor, written by a person, with nothing "
        "learned. Each count is the sum of `p.numel()` over the layer's tensors; the "
        "classifier's feature means and spreads are buffers, computed, not learned."
    ),
    "autograd.params.cnn": "CNN",
    "autograd.params.linear": "linear on features",
    "autograd.params.x": "parameters (log scale)",
    "autograd.col.weight": "weight",
    "autograd.col.autograd": "autograd",
    "autograd.col.numeric": "finite difference",
    "autograd.col.difference": "difference",
    "autograd.col.layer": "layer",
    "autograd.col.before": "before",
    "autograd.col.after": "after",
    "autograd.col.change": "change",
    "autograd.col.model": "model",
    "autograd.col.tensors": "tensors and shapes",
    "autograd.col.count": "parameters",
}

KO = {
    "nav.autograd": "자동 미분을 눈으로",
    "autograd.title": "자동 미분을 눈으로",
    "autograd.intro": (
        "책에서는 파이토치가 텐서에 가한 연산을 모두 기억해 두었다가 미분을 스스로 계산한다고 "
        "말합니다. 이것이 **자동 미분**(autograd)입니다. 여러분이 고른 숫자로 직접 확인해 봅시다. "
        "CNN이 숫자를 읽고, 손실이 CNN의 답이 목표에서 얼마나 먼지를 잽니다. 그러면 파이토치는 "
        "기록해 둔 연산을 거꾸로 따라가며 픽셀 하나하나와 가중치 하나하나에 따라 손실이 어떻게 "
        "변하는지 계산합니다. 이어서 이 미분값을 미분의 정의로 검산하고, 학습 스텝을 직접 한 번 "
        "밟아 보고, 학습되는 수가 몇 개인지 세어 봅니다."
    ),
    "autograd.pick.header": "숫자 고르기",
    "autograd.target": "목표: 손실이 겨냥하는 숫자",
    "autograd.target.label": (
        "테스트 숫자는 레이블이 처음 목표가 됩니다. 다른 숫자를 골라 보세요. CNN이 그 숫자라고 "
        "답하게 하려면 무엇이 바뀌어야 하는지 볼 수 있습니다."
    ),
    "autograd.target.own": (
        "직접 만든 숫자에는 레이블이 없어서 CNN의 답이 처음 목표가 됩니다. 다른 숫자를 고르면 "
        "무엇이 답을 바꾸는지 볼 수 있습니다."
    ),
    "autograd.bad_digit": "이 숫자는 여기서 쓸 수 없습니다. 이유:",
    "autograd.graph.header": "자동 미분이 기록한 그래프",
    "autograd.graph.summary": (
        "CNN의 답은 **{answer}**({p:.1%})입니다. 목표 **{target}**에 대한 손실은 "
        "**{loss:.4g}**입니다. 교차 엔트로피, 즉 CNN이 {target}에 준 확률({p_target:.1%})에 "
        "로그를 취해 부호를 바꾼 값입니다."
    ),
    "autograd.graph.caption": (
        "상자 하나하나가 순전파 동안 파이토치가 만든 그래프의 노드입니다. `loss.grad_fn`에서 "
        "출발해 각 노드의 `next_functions`를 따라가며 찾았고, 모두 {nodes}개입니다. 위에서부터 "
        "읽으세요. 그레이디언트는 손실에서 출발해 순전파의 연산을 거꾸로 하나씩 지나 맨 아래의 "
        "리프 {leaves}개에 닿습니다. 리프는 가중치(파란색)와 여러분의 숫자(초록색)이고, 여기서 "
        "`.grad`가 채워집니다.\n\n"
        "노드 이름은 그 노드가 미분을 알고 있는 연산에서 따왔습니다. `ConvolutionBackward0`은 "
        "합성곱(컨볼루션)이고, `AddmmBackward0`은 선형 층입니다. Addmm은 행렬 곱(*m*atrix "
        "*m*ultiply)에 편향을 더한다(*add*)는 뜻입니다. 이름 아래의 말은 그 연산이 순전파에서 한 "
        "일입니다. 펼치기가 "
        "복사와 뷰 두 단계로 나타나는 것은 이 CNN이 이미지를 channels-last 배치로 메모리에 두기 "
        "때문입니다."
    ),
    "autograd.graph.input": "내 숫자",
    "autograd.op.loss": "손실: 음의 로그 가능도",
    "autograd.op.log_softmax": "로그 소프트맥스 (손실의 일부)",
    "autograd.op.linear": "선형 층: x·Wᵀ + b",
    "autograd.op.transpose": "가중치의 전치",
    "autograd.op.relu": "ReLU",
    "autograd.op.max_pool": "2x2 최대 풀링",
    "autograd.op.convolution": "합성곱",
    "autograd.op.flatten": "벡터로 펼치기",
    "autograd.op.copy": "복사 (메모리 배치)",
    "autograd.op.leaf": "리프",
    "autograd.op.other": "그 밖의 연산",
    "autograd.grad.header": "그레이디언트: 무엇이 답을 바꾸는가",
    "autograd.grad.caption": (
        "왼쪽은 여러분의 숫자, 오른쪽은 784개 픽셀 각각에 대한 손실의 그레이디언트입니다. 역전파 "
        "한 번으로 모두 얻었습니다. **파란색** 픽셀에 잉크를 더하면 손실이 줄어 CNN이 "
        "**{target:이라고/라고}** 더 확신합니다. **빨간색** 픽셀에 잉크를 더하면 손실이 커집니다. "
        "흰색에 가까운 픽셀은 거의 영향이 없습니다."
    ),
    "autograd.grad.digit": "내 숫자",
    "autograd.grad.input": "d 손실 / d 픽셀",
    "autograd.grad.colorbar": "그레이디언트",
    "autograd.grad.filters": "첫 번째 층의 필터 {count}개 각각에 대한 그레이디언트",
    "autograd.grad.filters_caption": (
        "같은 역전파 한 번으로 모든 가중치의 그레이디언트도 얻습니다. 타일 하나가 첫 번째 합성곱 "
        "층의 5x5 필터 하나입니다. 학습 스텝은 가중치를 그레이디언트의 반대쪽으로 조금씩 "
        "옮깁니다. 타일이 빨간 곳은 내리고, 파란 곳은 올립니다."
    ),
    "autograd.check.header": "자동 미분을 그 자리에서 검산하기",
    "autograd.check.caption": (
        "자동 미분이 맞을까요? 미분은 가중치를 살짝 움직였을 때 손실이 어떻게 변하는지를 "
        "말해 줍니다. 그러니 직접 움직여 봅니다. CNN을 float64로 복사한 뒤 h = {step:g}로 "
        "(L(w + h) − L(w − h)) / 2h를 계산합니다. 모든 층에서, 이 숫자의 손실에 영향을 주는 "
        "가중치 가운데 {n}개를 시드를 고정해 무작위로 골랐습니다. 점 하나가 가중치 하나입니다. "
        "가로축은 자동 미분, 세로축은 유한 차분입니다. 그레이디언트의 크기가 서로 수백 배씩 "
        "차이 나서 두 축 모두 절댓값을 로그 눈금으로 그렸습니다(빨간색은 양수, 파란색은 음수). "
        "점들이 대각선 위에 놓입니다.\n\n"
        "파이토치에는 이 검사가 들어 있습니다. `torch.autograd.gradcheck`는 함수의 모든 입력에 "
        "대해 자동 미분과 유한 차분을 비교합니다. 여기서는 여러분 숫자의 손실을 첫 번째 필터의 "
        "가중치 {weights}개에 대한 함수로 보고 검사했습니다(허용 오차: atol {atol:g}, "
        "rtol {rtol:g})."
    ),
    "autograd.check.largest": "|자동 미분 − 유한 차분|의 최댓값",
    "autograd.check.gradcheck": "torch.autograd.gradcheck",
    "autograd.check.passed": "통과",
    "autograd.check.failed": "실패",
    "autograd.check.table": "가중치 {n}개의 값",
    "autograd.step.header": "내가 쥔 학습 루프의 한 스텝",
    "autograd.step.caption": (
        "학습은 세 줄의 반복입니다. 순전파, `loss.backward()`, `optimizer.step()`. 이 숫자 "
        "하나만으로 SGD 스텝을 **한 번** 밟아 보세요. 가중치마다 학습률에 그레이디언트를 곱한 "
        "만큼 반대로 움직입니다. 스텝은 CNN의 복사본에서 실행되므로 다른 사람의 모델은 바뀌지 "
        "않습니다."
    ),
    "autograd.step.lr": "학습률",
    "autograd.step.run": "한 스텝 밟기",
    "autograd.step.none": "학습률을 고르고 **한 스텝 밟기**를 누르세요.",
    "autograd.step.before": "스텝 전 손실",
    "autograd.step.after": "스텝 후 손실",
    "autograd.step.test": "스텝 후 테스트 정확도",
    "autograd.step.lower": "손실이 {before:.4g}에서 {after:.4g}로 줄었습니다.",
    "autograd.step.higher": (
        "손실이 {before:.4g}에서 {after:.4g}로 **커졌습니다**. 이 학습률로는 한 걸음이 너무 커서 "
        "목표를 지나쳤습니다."
    ),
    "autograd.step.exploded": (
        "손실이 폭발했습니다. 학습률 {lr:g}에서는 가중치가 넘쳐흘러 손실이 {after:이/가} "
        "되었습니다. 더 작은 학습률을 고르세요. 그 밖에는 아무것도 바뀌지 않았습니다."
    ),
    "autograd.step.others": (
        "테스트 숫자 {n:,}개에서: 손실 {before:.3g} → {after:.3g}, 정확도 {acc_before:.1%} → "
        "{acc_after:.1%}."
    ),
    "autograd.step.forgot": (
        "이 숫자는 괜찮지만 다른 숫자들을 보세요. 숫자 하나를 위해 밟은 스텝도 모든 숫자가 함께 "
        "쓰는 가중치를 움직이고, 이렇게 큰 스텝은 그 가중치를 망가뜨립니다. 그래서 학습은 많은 "
        "숫자를 묶은 배치마다 작은 스텝을 밟습니다."
    ),
    "autograd.step.moved": "층마다 가장 많이 움직인 가중치",
    "autograd.params.header": "학습되는 수는 몇 개인가",
    "autograd.params.caption": (
        "책에서는 파라미터 수, 곧 모델이 학습하는 수의 개수를 이야기합니다. CNN에는 "
        "**{cnn:,}**개가 있고, 대부분은 마지막 특징 맵을 읽는 선형 층 `fc1`에 있습니다. 손으로 "
        "만든 특징값 위의 선형 분류기에는 **{linear:,}**개뿐입니다. 그 분류기의 지식은 대부분 "
        "사람이 작성한 특징 추출기에 들어 있고, 추출기는 아무것도 학습하지 않습니다. 개수는 층의 "
        "텐서마다 `p.numel()`을 더한 값입니다. 분류기가 쓰는 특징값의 평균과 표준편차는 학습하는 "
        "값이 아니라 계산해 둔 버퍼입니다."
    ),
    "autograd.params.cnn": "CNN",
    "autograd.params.linear": "특징값 위의 선형 분류기",
    "autograd.params.x": "파라미터 수 (로그 눈금)",
    "autograd.col.weight": "가중치",
    "autograd.col.autograd": "자동 미분",
    "autograd.col.numeric": "유한 차분",
    "autograd.col.difference": "차이",
    "autograd.col.layer": "층",
    "autograd.col.before": "전",
    "autograd.col.after": "후",
    "autograd.col.change": "변화",
    "autograd.col.model": "모델",
    "autograd.col.tensors": "텐서와 모양",
    "autograd.col.count": "파라미터 수",
}
