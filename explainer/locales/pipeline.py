"""Strings of the "Dataset and DataLoader" page (``pages/data.py``)."""

EN = {
    "nav.data": "Dataset and DataLoader",
    "data.title": "Dataset and DataLoader, made visible",
    "data.intro": (
        "Before a model sees a batch, two small tools have done real work. A `Dataset` answers one "
        "question, *give me item i*; a `DataLoader` asks it many times, stacks the answers into a "
        "batch, and can ask from several worker processes at once. Here the digits are stored as "
        "PNG files' bytes, as a folder of images would be, so every item costs a real decode."
    ),
    "data.dataset.header": "A Dataset: one item at a time",
    "data.dataset.caption": (
        "This is the whole `Dataset`: `__len__` says how many items there are, `__getitem__` "
        "decodes item `i` from its PNG bytes (and, if asked, rotates and shifts it a little at "
        "random: *augmentation*, seeded so that an item is the same whichever process makes it)."
    ),
    "data.item.pick": "Item number",
    "data.item.augment": "Augment (random rotation and shift)",
    "data.item.png": "PNG bytes: {size} bytes",
    "data.item.decoded": "`dataset[{index}]`: a tensor `{shape}` `{dtype}`, label **{label}**",
    "data.collate.header": "collate: items into a batch",
    "data.collate.caption": (
        "The `DataLoader` asks for `batch_size` items and hands the list to its `collate_fn`, "
        "which stacks them into one tensor; the per-batch work (here, normalising) is done once "
        "for the whole batch. The shapes at each step, for a batch of {batch}:"
    ),
    "data.collate.step": "step",
    "data.collate.shape": "shape",
    "data.collate.dtype": "dtype",
    "data.collate.items": "each of the {batch} items from `dataset[i]`",
    "data.collate.stacked": "`default_collate`: images and labels stacked",
    "data.collate.normalised": "normalised once for the batch: the model's input",
    "data.collate.labels": "labels",
    "data.workers.header": "Parallel loading: num_workers",
    "data.workers.caption": (
        "With `num_workers=0` the training loop makes every batch itself and waits while it "
        "decodes. With 1 or 2, that many worker processes make batches in parallel and the loop "
        "only takes them. Choose a setting and measure a pass over {items} digits. A first, "
        "untimed pass starts the workers (its time to the first batch is the start-up); the "
        "timed pass is the next epoch, as in training. The measurement runs in its own process, "
        "one at a time on this server."
    ),
    "data.workers.choice": "num_workers",
    "data.workers.augment": "Augment each digit too (more work per item)",
    "data.workers.measure": "Measure",
    "data.workers.waiting": "Measuring {items} digits with num_workers={workers}...",
    "data.workers.busy": "Another measurement is running on this server; waiting for it.",
    "data.workers.failed": "The measurement failed: {error}",
    "data.workers.none": "Press *Measure* to time this setting. Try 0, then 2.",
    "data.metric.items_per_second": "items per second",
    "data.metric.seconds": "one pass",
    "data.metric.startup": "start-up (first batch)",
    "data.metric.waited": "loop waited",
    "data.throughput.header": "Items per second, by num_workers",
    "data.throughput.caption": (
        "Each setting you measured (best of the measurements), with its speed relative to "
        "the first one."
    ),
    "data.timeline.header": "Who made each batch, and when the loop waited",
    "data.timeline.caption": (
        "One bar per batch on the lane of the process that made it (numbered in the order the "
        "loop received them); red on the top lane: the loop waiting. With workers, batches are "
        "made side by side and still arrive in order. This loop does nothing with a batch but "
        "take it, so it waits nearly all the time; a real one would be training meanwhile."
    ),
    "data.chart.loop": "training loop",
    "data.chart.waiting": "waiting for a batch",
    "data.chart.main": "main process",
    "data.chart.worker": "worker {id}",
    "data.chart.batch": "batch {index}",
    "data.chart.time": "seconds since the loop asked for its first batch",
    "data.chart.workers": "num_workers",
    "data.chart.items_per_second": "items per second",
    "data.chart.speedup": "{speedup:.2f}x",
    "data.options.header": "Two more settings, in a sentence each",
    "data.options.text": (
        "- **`pin_memory=True`** puts each batch in page-locked host memory, which a GPU can copy "
        "from directly and asynchronously (`.to('cuda', non_blocking=True)`); it only helps when "
        "batches go to a CUDA GPU.\n"
        "- **`persistent_workers=True`** keeps the worker processes alive between epochs, so each "
        "new epoch does not pay the start-up shown above (the timed pass here uses it)."
    ),
    "data.options.cores": (
        "Workers are processes, so they need free CPU cores: this machine has {cores}. Each worker "
        "runs torch with one thread (`torch.set_num_threads(1)` in `worker_init_fn`), and on a "
        "machine that is busy with other work, workers cannot make it faster."
    ),
}

KO = {
    "nav.data": "Dataset과 DataLoader",
    "data.title": "눈으로 보는 Dataset과 DataLoader",
    "data.intro": (
        "모델이 배치를 받기 전에, 작은 도구 두 개가 이미 실제로 일을 합니다. `Dataset`은 *i번째 "
        "항목을 주세요*라는 질문 하나에 답하고, `DataLoader`는 그 질문을 여러 번 던져 받은 답을 "
        "배치로 쌓습니다. 여러 워커 프로세스에서 동시에 물어볼 수도 있습니다. 이 페이지에서는 "
        "이미지 폴더처럼 숫자를 PNG 파일의 바이트로 저장해 두었기 때문에, 항목 하나를 꺼낼 때마다 "
        "실제로 디코딩하는 비용이 듭니다."
    ),
    "data.dataset.header": "Dataset: 한 번에 항목 하나",
    "data.dataset.caption": (
        "이것이 `Dataset`의 전부입니다. `__len__`은 항목이 몇 개인지 알려 주고, `__getitem__`은 "
        "`i`번째 항목을 PNG 바이트에서 디코딩합니다. 원하면 조금씩 무작위로 돌리고 옮기기도 "
        "합니다(*데이터 증강*). 증강은 시드를 정해 두어서 어느 프로세스가 만들든 같은 항목이 "
        "나옵니다."
    ),
    "data.item.pick": "항목 번호",
    "data.item.augment": "증강 적용(무작위 회전과 이동)",
    "data.item.png": "PNG 바이트: {size}바이트",
    "data.item.decoded": (
        "`dataset[{index}]`: 모양 `{shape}`, 자료형 `{dtype}`인 텐서, 레이블 **{label}**"
    ),
    "data.collate.header": "collate: 항목을 배치로",
    "data.collate.caption": (
        "`DataLoader`는 항목을 `batch_size`개 받아 그 목록을 `collate_fn`에 넘기고, `collate_fn`은 "
        "항목들을 텐서 하나로 쌓습니다. 배치 단위로 할 일(여기서는 정규화)은 배치 전체에 한 번만 "
        "합니다. 배치 크기가 {batch}일 때 단계마다 모양은 다음과 같습니다."
    ),
    "data.collate.step": "단계",
    "data.collate.shape": "모양",
    "data.collate.dtype": "자료형",
    "data.collate.items": "`dataset[i]`에서 받은 항목 {batch}개 각각",
    "data.collate.stacked": "`default_collate`: 이미지와 레이블을 쌓음",
    "data.collate.normalised": "배치 전체를 한 번에 정규화: 모델의 입력",
    "data.collate.labels": "레이블",
    "data.workers.header": "병렬 로딩: num_workers",
    "data.workers.caption": (
        "`num_workers=0`이면 학습 루프가 배치를 모두 직접 만들고, 디코딩하는 동안 기다립니다. 1이나 "
        "2로 두면 그만큼의 워커 프로세스가 나란히 배치를 만들고, 루프는 받기만 합니다. 설정을 골라 "
        "숫자 {items}개를 한 번 훑는 시간을 재 보세요. 시간을 재지 않는 첫 번째 패스가 워커를 "
        "띄우고(첫 배치가 나오기까지의 시간이 시작 비용입니다), 학습할 때처럼 그다음 에포크를 "
        "잽니다. 측정은 별도 프로세스에서, 이 서버에서 한 번에 하나씩 실행됩니다."
    ),
    "data.workers.choice": "num_workers",
    "data.workers.augment": "숫자마다 증강도 적용(항목당 일이 늘어남)",
    "data.workers.measure": "측정",
    "data.workers.waiting": "num_workers={workers}로 숫자 {items}개를 측정하는 중...",
    "data.workers.busy": "이 서버에서 다른 측정이 진행 중입니다. 끝나기를 기다립니다.",
    "data.workers.failed": "측정에 실패했습니다: {error}",
    "data.workers.none": "*측정*을 누르면 이 설정의 시간을 잽니다. 0으로 한 번, 2로 한 번 해 보세요.",
    "data.metric.items_per_second": "초당 항목 수",
    "data.metric.seconds": "한 번 훑는 시간",
    "data.metric.startup": "시작 비용(첫 배치까지)",
    "data.metric.waited": "루프가 기다린 시간",
    "data.throughput.header": "num_workers별 초당 항목 수",
    "data.throughput.caption": (
        "지금까지 측정한 설정마다 가장 빨랐던 결과와, 첫 번째 설정에 견준 속도입니다."
    ),
    "data.timeline.header": "어느 프로세스가 배치를 만들었고, 루프는 언제 기다렸나",
    "data.timeline.caption": (
        "배치마다 그 배치를 만든 프로세스의 줄에 막대 하나를 그렸습니다(번호는 루프가 받은 "
        "순서입니다). 맨 위 줄의 빨간 막대는 루프가 기다린 시간입니다. 워커가 있으면 배치가 나란히 "
        "만들어지면서도 순서대로 도착합니다. 여기서 루프는 배치를 받기만 할 뿐 아무 일도 하지 않으므로 "
        "거의 내내 기다립니다. 실제 루프라면 그동안 학습을 하고 있을 것입니다."
    ),
    "data.chart.loop": "학습 루프",
    "data.chart.waiting": "배치를 기다림",
    "data.chart.main": "메인 프로세스",
    "data.chart.worker": "워커 {id}",
    "data.chart.batch": "배치 {index}",
    "data.chart.time": "루프가 첫 배치를 요청한 뒤 지난 시간(초)",
    "data.chart.workers": "num_workers",
    "data.chart.items_per_second": "초당 항목 수",
    "data.chart.speedup": "{speedup:.2f}배",
    "data.options.header": "설정 두 가지 더, 한 문장씩",
    "data.options.text": (
        "- **`pin_memory=True`**는 배치를 페이지 고정(page-locked) 메모리에 두어, GPU가 그 메모리에서 "
        "바로, 비동기로 복사해 갈 수 있게 합니다(`.to('cuda', non_blocking=True)`). 배치를 CUDA "
        "GPU로 보낼 때만 도움이 됩니다.\n"
        "- **`persistent_workers=True`**는 에포크가 끝나도 워커 프로세스를 살려 두어, 새 에포크마다 "
        "위에서 본 시작 비용을 다시 치르지 않게 합니다(여기서 시간을 재는 패스도 이 설정을 씁니다)."
    ),
    "data.options.cores": (
        "워커는 프로세스이므로 놀고 있는 CPU 코어가 있어야 합니다. 이 컴퓨터의 코어는 {cores}개입니다. "
        "워커마다 torch는 스레드 하나로 돌고(`worker_init_fn`에서 `torch.set_num_threads(1)`), "
        "다른 일로 바쁜 컴퓨터에서는 워커를 늘려도 빨라지지 않습니다."
    ),
}
