"""Strings of the page "Tensors and speed"."""

EN = {
    "speed.title": "Tensors and speed",
    "speed.intro": (
        'The chapter says a GPU trains "at least an order of magnitude" faster than a CPU, '
        "usually 40-50x. Here you can measure it: the same tensor operations are timed on every "
        "device this machine has, with `torch.utils.benchmark` (it warms up, waits for the GPU "
        "to finish, and repeats until the time is stable). Small tensors are often *not* faster "
        "on a GPU: launching work and copying data cost time too."
    ),
    "speed.no_gpu": (
        "**No GPU here.** This machine has no CUDA or Apple GPU that PyTorch can use, so every "
        "time below is measured on the CPU (and NumPy for comparison). For the GPU side of the "
        "story, a measurement gives an estimate from GPU datasheets (marked as such, never as a "
        "measurement), and the reference set at the bottom of the page shows a real GPU once it "
        "has been recorded."
    ),
    "speed.gpu_here": "GPUs found: **{devices}**. Select them below to compare with the CPU.",
    "speed.machine.header": "This machine",
    "speed.machine.question": "Question",
    "speed.machine.answer": "Answer",
    "speed.ops.header": "What each operation does, and what the size n means",
    "speed.ops.op": "Operation",
    "speed.ops.shape": "Size n means",
    "speed.op.matmul": "matrix multiply",
    "speed.op.conv2d_mnist": "convolution, digit-sized",
    "speed.op.conv2d_large": "convolution, large",
    "speed.op.add": "add (elementwise)",
    "speed.op.mul": "multiply (elementwise)",
    "speed.op.sum": "sum (reduction)",
    "speed.op.softmax": "softmax",
    "speed.op.train_step": "one training step of the CNN",
    "speed.pick.header": "Choose what to measure",
    "speed.pick.ops": "Operations",
    "speed.pick.sizes": "Sizes n",
    "speed.pick.devices": "Devices",
    "speed.pick.dtypes": "Data types",
    "speed.pick.threads": "CPU threads",
    "speed.pick.numpy": "Compare with NumPy",
    "speed.pick.copy": "Time the copy to the GPU",
    "speed.pick.help": (
        "NumPy is timed for matmul, add and multiply; the copy option adds the time to move the "
        "inputs from the CPU to the GPU. Each cell is measured for about 0.05 s; the default choice takes a few seconds. Large "
        "sizes (4096) of matmul or convolution can take much longer on a CPU. Other programs on the "
        "same cores slow the times down, most of all with several threads."
    ),
    "speed.run": "Run the benchmark",
    "speed.empty": "Pick at least one operation, one size, one device, one data type and one thread count.",
    "speed.progress": "{done}/{total}: {op}, n = {size}, on {device}",
    "speed.waiting": (
        "Another benchmark is running on this machine right now (another visitor or a command "
        "line run). Yours starts as soon as it ends, so the two do not slow each other down."
    ),
    "speed.results.header": "Your measurement",
    "speed.results.caption": "Measured on this machine: {machine} ({cores} logical cores).",
    "speed.tab.time": "Time",
    "speed.tab.gflops": "GFLOP/s",
    "speed.tab.speedup": "Speedup",
    "speed.tab.table": "Table",
    "speed.chart.size": "size n (log scale)",
    "speed.chart.time": "median time per run (s, log scale)",
    "speed.chart.gflops": "GFLOP/s (log scale)",
    "speed.chart.speedup": "speedup over torch on the CPU (x, log scale)",
    "speed.chart.claim": "the chapter: 40-50x",
    "speed.chart.cpu": "as fast as torch on the CPU",
    "speed.chart.crossover": "GPU wins from n = {size:g}",
    "speed.speedup.caption": (
        "Above the dotted line a device is faster than torch on the CPU; the green band is the "
        "chapter's 40-50x. NumPy lines compare NumPy with torch on the same CPU."
    ),
    "speed.crossover.none": "No GPU series in this measurement, so there is no crossover size.",
    "speed.crossover.row": "- {op} on {device} ({dtype}): {where}; best {best:.1f}x",
    "speed.crossover.at": "the GPU wins from n = {size:g}",
    "speed.crossover.never": "the GPU never won at these sizes",
    "speed.failed": "{count} of {total} cells could not be measured: see the status and message columns of the table.",
    "speed.verdict.header": "The chapter's claim, checked",
    "speed.verdict.no_gpu": (
        "**Cannot be checked here:** no GPU was measured, so there is no GPU-to-CPU ratio."
    ),
    "speed.verdict.holds": (
        "**The claim holds:** the GPU was {ratio:.0f}x faster than the CPU ({what}), at or "
        "beyond the chapter's 40-50x."
    ),
    "speed.verdict.order": (
        "**Partly:** the GPU was {ratio:.0f}x faster ({what}): at least an order of magnitude, as "
        "the chapter says, but short of its usual 40-50x."
    ),
    "speed.verdict.faster": (
        "**Not at this scale:** the GPU was faster, but only {ratio:.1f}x ({what}), less than an "
        "order of magnitude. Try larger sizes: small tensors leave a GPU mostly idle."
    ),
    "speed.verdict.slower": (
        "**No:** the GPU was not faster than the CPU ({ratio:.2f}x, {what}). With small tensors, "
        "launching work on the GPU and copying data usually cost more than the arithmetic."
    ),
    "speed.verdict.what.op": "{op}, n = {size}, {device}",
    "speed.verdict.what.train": (
        "one training step, batch size {size} (the batch size this app trains with), {device}"
    ),
    "speed.verdict.what.train_other": (
        "one training step, batch size {size}, {device}; this app trains with batch size {batch}"
    ),
    "speed.verdict.not_training": (
        "The chapter speaks of training: add *one training step of the CNN* to the operations to "
        "check its claim itself."
    ),
    "speed.verdict.best_batch": (
        "Over every batch size measured, the best training step was {ratio:.1f}x faster, at "
        "batch size {size}."
    ),
    "speed.trend.header": "**GFLOP/s against the size n, as measured:**",
    "speed.trend.series": "**{op}**, {where}",
    "speed.trend.cpu": "torch on the CPU",
    "speed.trend.numpy": "NumPy on the CPU",
    "speed.trend.threads": "threads: {threads}",
    "speed.trend.copy": "with the copy to the GPU",
    "speed.trend.rises": (
        "- {series}: rises with size, from {first} GFLOP/s at n = {first_size} to {last} at "
        "n = {last_size}."
    ),
    "speed.trend.peaks": (
        "- {series}: rises from {first} GFLOP/s at n = {first_size} to {peak} at n = {peak_size}, "
        "then falls to {last} at n = {last_size}."
    ),
    "speed.trend.falls": (
        "- {series}: falls with size, from {first} GFLOP/s at n = {first_size} to {last} at "
        "n = {last_size}."
    ),
    "speed.trend.dips": (
        "- {series}: falls from {first} GFLOP/s at n = {first_size} to {low} at n = {low_size}, "
        "then rises to {last} at n = {last_size}."
    ),
    "speed.trend.flat": "- {series}: about the same at every size, {low} to {peak} GFLOP/s.",
    "speed.trend.uneven": (
        "- {series}: up and down, with no single trend: highest {peak} GFLOP/s at "
        "n = {peak_size}, lowest {low} at n = {low_size}."
    ),
    "speed.trend.none": (
        "Each series was measured at one size only, so this measurement cannot say how GFLOP/s "
        "changes with size: pick two sizes or more."
    ),
    "speed.trend.why.rises": (
        "Where GFLOP/s rises with size, each call's fixed cost (Python, dispatch, waking threads "
        "or launching a GPU kernel) is shared by more work."
    ),
    "speed.trend.why.memory": (
        "Where add or multiply falls at large sizes, the usual cause is memory: they do one FLOP "
        "for every three elements they move (two read, one written), so once the tensors no longer "
        "fit in the processor's caches they wait for main memory."
    ),
    "speed.trend.why.noise": (
        "Other programs on the same cores can disturb the times, most of all with several threads: "
        "measure again to see whether a shape holds."
    ),
    "speed.download": "Download the results (CSV)",
    "speed.reference.header": "Reference: the same benchmark on a real GPU",
    "speed.reference.caption": (
        "Recorded on **{machine}** on **{date}** with this same benchmark; not measured on the "
        "machine serving this page."
    ),
    "speed.reference.missing": (
        "**No GPU reference has been recorded yet.** This app does not invent numbers: the "
        "reference set is produced by running this benchmark on a machine with an NVIDIA GPU. "
        "To record it, run this in the project folder there; the page shows it automatically "
        "once the file exists:"
    ),
    "speed.estimate.header": "No GPU here? An estimate from datasheets",
    "speed.estimate.intro": (
        "Without a GPU we cannot measure one, but we can bound it with the **roofline model**. "
        "An operation can run no faster than its floating-point operations allow at the chip's "
        "peak rate (FLOPs / peak), no faster than its bytes allow at the memory's bandwidth "
        "(bytes / bandwidth), and no faster than one kernel launch from Python (about 10 µs). "
        "The larger of the three is the estimate: a real GPU is *at best* that fast, so each "
        "ratio below is the most a GPU could gain, not what it does gain. The peaks and "
        "bandwidths come from NVIDIA's datasheets (file `explainer/assets/gpu_specs.json`, each "
        "with its source). A measurement on a real GPU, where one exists, outranks this estimate."
    ),
    "speed.estimate.ceilings": (
        "This CPU's own ceilings, measured just now with {threads} thread(s): matrix multiply "
        "**{peak} GFLOP/s**, memory (triad `c = a + s·b`) **{bandwidth} GB/s**. Operations with "
        "fewer than {ridge} FLOP per byte are limited by memory here, not by arithmetic."
    ),
    "speed.estimate.no_ceilings": "Run a measurement above to measure this CPU's ceilings.",
    "speed.estimate.table": "Estimated rows (datasheet estimates, not measurements)",
    "speed.estimate.col.gpu": "GPU (estimate, datasheet)",
    "speed.estimate.col.what": "operation",
    "speed.estimate.col.seconds": "estimated time (s), at least",
    "speed.estimate.col.peak": "peak used (GFLOP/s)",
    "speed.estimate.col.bound": "limited by",
    "speed.estimate.col.ratio": "at most x faster than this CPU",
    "speed.estimate.bound.compute": "arithmetic",
    "speed.estimate.bound.memory": "memory",
    "speed.estimate.bound.launch": "launch overhead",
    "speed.estimate.what.op": "{op}, n = {size}, {dtype}",
    "speed.estimate.what.train": "one training step, batch size {size}, {dtype}",
    "speed.estimate.verdict.none": (
        "No estimate: the CPU time of these operations was not measured, so there is nothing to "
        "compare an estimate with."
    ),
    "speed.estimate.verdict.gpu": "{gpu} at least {seconds} s (at most {ratio}x)",
    "speed.estimate.verdict.lead": (
        "**An estimate from datasheets, not a measurement.** For {what}, this CPU measured "
        "{cpu_s} s. By the roofline, these GPUs could do it no faster than: {gpus}."
    ),
    "speed.estimate.verdict.allows": (
        "Even the slowest of them could be up to {low}x faster, so the datasheets allow the "
        "chapter's 40-50x here; how close a real GPU comes, only a measurement can tell."
    ),
    "speed.estimate.verdict.some": (
        "{reach} could reach the chapter's 40-50x (up to {high}x); {short} could not even at its "
        "datasheet peak (at most {short_best}x). How close a real GPU comes, only a measurement "
        "can tell."
    ),
    "speed.estimate.verdict.rules_out": (
        "Even at its datasheet peak, none of these GPUs could be more than {high}x faster: the "
        "chapter's 40-50x cannot hold for this operation at this size."
    ),
    "speed.chart.intensity": "arithmetic intensity (FLOP per byte)",
    "speed.chart.estimate": "estimate (datasheet)",
    "speed.chart.peak": "this CPU's matmul peak",
    "speed.chart.bandwidth": "this CPU's memory bandwidth",
    "speed.tab.roofline": "Roofline",
    "speed.code": "Show the code that times one cell: explainer.bench.timing.measure_cell",
}

KO = {
    "speed.title": "텐서와 속도",
    "speed.intro": (
        '1장은 GPU가 CPU보다 "적어도 10배", 보통은 40~50배 빠르게 학습한다고 말합니다. 여기서 직접 '
        "재 볼 수 있습니다. 이 컴퓨터에 있는 모든 장치에서 같은 텐서 연산을 "
        "`torch.utils.benchmark`로 잽니다(워밍업을 하고, GPU 작업이 끝날 때까지 기다리고, 시간이 "
        "안정될 때까지 되풀이합니다). 텐서가 작으면 GPU가 오히려 *빠르지 않은* 경우가 많습니다. "
        "GPU에 작업을 맡기고 데이터를 옮기는 데도 시간이 들기 때문입니다."
    ),
    "speed.no_gpu": (
        "**이 컴퓨터에는 GPU가 없습니다.** 파이토치가 쓸 수 있는 CUDA GPU나 애플 GPU가 없으므로 "
        "아래의 시간은 모두 CPU에서 잰 것입니다(비교용 NumPy도 CPU에서 잽니다). GPU 쪽은 "
        "측정을 실행하면 GPU 데이터시트로 낸 추정값이 나오고(잰 값이 아니라 추정값이라고 밝혀 "
        "둡니다), 실제 GPU에서 기록한 참고 측정값이 있으면 페이지 맨 아래에 나옵니다."
    ),
    "speed.gpu_here": "이 컴퓨터의 GPU: **{devices}**. 아래에서 골라 CPU와 비교해 보세요.",
    "speed.machine.header": "이 컴퓨터",
    "speed.machine.question": "질문",
    "speed.machine.answer": "답",
    "speed.ops.header": "각 연산이 하는 일과 크기 n의 의미",
    "speed.ops.op": "연산",
    "speed.ops.shape": "크기 n의 의미",
    "speed.op.matmul": "행렬 곱셈",
    "speed.op.conv2d_mnist": "합성곱(컨볼루션), 숫자 이미지 크기",
    "speed.op.conv2d_large": "합성곱, 큰 이미지",
    "speed.op.add": "덧셈 (원소별)",
    "speed.op.mul": "곱셈 (원소별)",
    "speed.op.sum": "합 (축소 연산)",
    "speed.op.softmax": "소프트맥스",
    "speed.op.train_step": "CNN 학습 스텝 하나",
    "speed.pick.header": "잴 항목 고르기",
    "speed.pick.ops": "연산",
    "speed.pick.sizes": "크기 n",
    "speed.pick.devices": "장치",
    "speed.pick.dtypes": "자료형 (dtype)",
    "speed.pick.threads": "CPU 스레드 수",
    "speed.pick.numpy": "NumPy와 비교",
    "speed.pick.copy": "GPU로 복사하는 시간 포함",
    "speed.pick.help": (
        "NumPy는 행렬 곱셈, 덧셈, 곱셈만 잽니다. 복사 옵션을 켜면 입력을 CPU에서 GPU로 옮기는 "
        "시간까지 더합니다. 칸 하나는 약 0.05초 동안 재고, 기본 선택은 몇 초면 끝납니다. 행렬 "
        "곱셈이나 합성곱은 크기가 크면(4096) CPU에서 훨씬 오래 걸릴 수 있습니다. 같은 코어에서 다른 "
        "프로그램이 돌고 있으면 시간이 늘어나고, 스레드가 여럿일 때 특히 그렇습니다."
    ),
    "speed.run": "벤치마크 실행",
    "speed.empty": "연산, 크기, 장치, 자료형, 스레드 수를 각각 하나 이상 고르세요.",
    "speed.progress": "{done}/{total}: {device}에서 {op}, n = {size}",
    "speed.waiting": (
        "지금 이 컴퓨터에서 다른 벤치마크가 돌고 있습니다(다른 방문자나 명령줄에서 실행한 것). 두 "
        "측정이 서로를 느리게 만들지 않도록, 그 측정이 끝나는 대로 여러분의 측정을 시작합니다."
    ),
    "speed.results.header": "여러분의 측정 결과",
    "speed.results.caption": "이 컴퓨터에서 잰 값입니다: {machine}, 논리 코어 {cores}개.",
    "speed.tab.time": "시간",
    "speed.tab.gflops": "GFLOP/s",
    "speed.tab.speedup": "속도 향상",
    "speed.tab.table": "표",
    "speed.chart.size": "크기 n (로그 눈금)",
    "speed.chart.time": "1회 실행 시간의 중앙값 (초, 로그 눈금)",
    "speed.chart.gflops": "GFLOP/s (로그 눈금)",
    "speed.chart.speedup": "CPU에서 돌린 torch 대비 속도 (배, 로그 눈금)",
    "speed.chart.claim": "1장: 40~50배",
    "speed.chart.cpu": "CPU에서 돌린 torch와 같은 속도",
    "speed.chart.crossover": "n = {size:g}부터 GPU가 더 빠름",
    "speed.speedup.caption": (
        "점선보다 위에 있으면 CPU에서 돌린 torch보다 빠릅니다. 초록 띠는 1장이 말하는 40~50배 "
        "구간입니다. NumPy 선은 같은 CPU에서 NumPy를 torch와 비교한 것입니다."
    ),
    "speed.crossover.none": (
        "이번 측정에는 GPU 결과가 없어서, GPU가 CPU를 앞지르는 크기도 알 수 없습니다."
    ),
    "speed.crossover.row": "- {device}에서 {op} ({dtype}): {where}, 최고 {best:.1f}배",
    "speed.crossover.at": "n = {size:g}부터 GPU가 더 빠름",
    "speed.crossover.never": "이 크기에서는 GPU가 한 번도 더 빠르지 않았음",
    "speed.failed": "{total}칸 중 {count}칸은 잴 수 없었습니다. 표의 status와 message 열을 보세요.",
    "speed.verdict.header": "1장의 주장 확인하기",
    "speed.verdict.no_gpu": (
        "**여기서는 확인할 수 없습니다:** GPU를 재지 않았으니 GPU와 CPU의 속도 비도 없습니다."
    ),
    "speed.verdict.holds": (
        "**주장이 맞습니다:** GPU가 CPU보다 {ratio:.0f}배 빨랐습니다({what}). 1장이 말한 "
        "40~50배에 이르거나 그보다 빠릅니다."
    ),
    "speed.verdict.order": (
        "**부분적으로 맞습니다:** GPU가 {ratio:.0f}배 빨랐습니다({what}). 1장의 말대로 적어도 "
        "10배는 빠르지만, 보통 그렇다는 40~50배에는 못 미칩니다."
    ),
    "speed.verdict.faster": (
        "**이 규모에서는 아닙니다:** GPU가 빠르긴 했지만 {ratio:.1f}배에 그쳐 10배에 못 "
        "미칩니다({what}). 더 큰 크기로 재 보세요. 텐서가 작으면 GPU는 대부분의 시간을 놀면서 "
        "보냅니다."
    ),
    "speed.verdict.slower": (
        "**아닙니다:** GPU가 CPU보다 빠르지 않았습니다({ratio:.2f}배, {what}). 텐서가 작을 때는 "
        "GPU에 작업을 맡기고 데이터를 복사하는 비용이 계산 자체보다 큰 경우가 많습니다."
    ),
    "speed.verdict.what.op": "{device}에서 {op}, n = {size}",
    "speed.verdict.what.train": "학습 스텝 한 번, 배치 크기 {size}(이 앱이 학습에 쓰는 크기), {device}",
    "speed.verdict.what.train_other": (
        "학습 스텝 한 번, 배치 크기 {size}, {device}. 이 앱이 학습에 쓰는 배치 크기는 {batch}입니다"
    ),
    "speed.verdict.not_training": (
        "1장의 주장은 학습에 관한 것입니다. 그 주장 자체를 확인하려면 연산에 *CNN 학습 스텝 "
        "하나*를 더해서 재 보세요."
    ),
    "speed.verdict.best_batch": (
        "잰 배치 크기 가운데서는 배치 크기 {size}일 때 학습 스텝이 {ratio:.1f}배로 가장 빨랐습니다."
    ),
    "speed.trend.header": "**크기 n에 따른 GFLOP/s (측정값):**",
    "speed.trend.series": "**{op}**, {where}",
    "speed.trend.cpu": "CPU의 torch",
    "speed.trend.numpy": "CPU의 NumPy",
    "speed.trend.threads": "스레드 {threads}개",
    "speed.trend.copy": "GPU로 복사하는 시간 포함",
    "speed.trend.rises": (
        "- {series}: 크기가 클수록 올라갑니다. n = {first_size}에서 {first} GFLOP/s, "
        "n = {last_size}에서 {last} GFLOP/s입니다."
    ),
    "speed.trend.peaks": (
        "- {series}: n = {first_size}에서 {first} GFLOP/s, n = {peak_size}에서 {peak} GFLOP/s까지 "
        "올라갔다가 n = {last_size}에서 {last} GFLOP/s로 떨어집니다."
    ),
    "speed.trend.falls": (
        "- {series}: 크기가 클수록 떨어집니다. n = {first_size}에서 {first} GFLOP/s, "
        "n = {last_size}에서 {last} GFLOP/s입니다."
    ),
    "speed.trend.dips": (
        "- {series}: n = {first_size}에서 {first} GFLOP/s, n = {low_size}에서 {low} GFLOP/s까지 "
        "떨어졌다가 n = {last_size}에서 {last} GFLOP/s로 다시 올라갑니다."
    ),
    "speed.trend.flat": "- {series}: 크기와 관계없이 거의 같습니다({low}~{peak} GFLOP/s).",
    "speed.trend.uneven": (
        "- {series}: 오르내리기만 할 뿐 한쪽으로 가는 추세는 없습니다. 가장 높을 때는 "
        "n = {peak_size}에서 {peak} GFLOP/s, 가장 낮을 때는 n = {low_size}에서 {low} GFLOP/s입니다."
    ),
    "speed.trend.none": (
        "계열마다 크기를 하나씩만 재서, 크기에 따라 GFLOP/s가 어떻게 달라지는지는 이 측정으로 알 수 "
        "없습니다. 크기를 두 개 이상 고르세요."
    ),
    "speed.trend.why.rises": (
        "크기가 클수록 GFLOP/s가 오르는 것은, 호출할 때마다 드는 고정 비용(파이썬, 디스패치, 스레드를 "
        "깨우거나 GPU 커널을 띄우는 일)을 더 많은 계산이 나누어 지기 때문입니다."
    ),
    "speed.trend.why.memory": (
        "덧셈이나 곱셈이 큰 크기에서 떨어지는 것은 대개 메모리 때문입니다. 이 연산들은 원소 세 "
        "개(읽기 두 개, 쓰기 한 개)를 옮길 때마다 FLOP 하나만 계산합니다. 그래서 텐서가 프로세서의 "
        "캐시에 다 들어가지 않게 되면 계산보다 주 메모리를 기다리는 데 시간을 씁니다."
    ),
    "speed.trend.why.noise": (
        "같은 코어에서 다른 프로그램이 돌면 시간이 흐트러질 수 있고, 스레드가 여럿일 때 특히 "
        "그렇습니다. 다시 재서 같은 모양이 나오는지 보세요."
    ),
    "speed.download": "결과 내려받기 (CSV)",
    "speed.reference.header": "참고: 실제 GPU에서 잰 같은 벤치마크",
    "speed.reference.caption": (
        "같은 벤치마크로 기록한 값입니다(컴퓨터: **{machine}**, 날짜: **{date}**). 이 페이지를 "
        "실행하는 컴퓨터에서 잰 것이 아닙니다."
    ),
    "speed.reference.missing": (
        "**아직 기록된 GPU 참고 측정값이 없습니다.** 이 앱은 측정값을 지어내지 않습니다. 참고 "
        "측정값은 NVIDIA GPU가 있는 컴퓨터에서 이 벤치마크를 실행해서 만듭니다. 그 컴퓨터의 "
        "프로젝트 폴더에서 아래 명령을 실행하세요. 파일이 생기면 페이지가 자동으로 보여 줍니다:"
    ),
    "speed.estimate.header": "GPU가 없다면? 데이터시트로 낸 추정값",
    "speed.estimate.intro": (
        "GPU가 없으면 GPU를 잴 수는 없지만, **루프라인(roofline) 모델**로 한계를 정할 수는 "
        "있습니다. 연산은 칩의 최고 연산 속도로 부동소수점 연산을 해내는 시간(FLOP ÷ 최고 "
        "성능)보다 빠를 수 없고, 메모리 대역폭으로 바이트를 옮기는 시간(바이트 ÷ 대역폭)보다도 "
        "빠를 수 없으며, 파이썬에서 커널을 한 번 띄우는 시간(약 10µs)보다도 빠를 수 없습니다. "
        "이 셋 중 가장 긴 시간이 추정값입니다. 실제 GPU는 *아무리 빨라도* 이 정도이므로, 아래의 "
        "배수는 GPU가 얻을 수 있는 최대치이지 실제로 얻는 값이 아닙니다. 최고 성능과 대역폭은 "
        "NVIDIA 데이터시트에서 가져왔습니다(파일 `explainer/assets/gpu_specs.json`, 출처 포함). "
        "실제 GPU에서 잰 값이 있으면 그 값이 이 추정값보다 우선합니다."
    ),
    "speed.estimate.ceilings": (
        "방금 스레드 {threads}개로 잰 이 CPU의 한계: 행렬 곱셈 **{peak} GFLOP/s**, 메모리(트라이어드 "
        "`c = a + s·b`) **{bandwidth} GB/s**. 바이트당 FLOP이 {ridge}보다 적은 연산은 이 "
        "컴퓨터에서 계산이 아니라 메모리에 막힙니다."
    ),
    "speed.estimate.no_ceilings": "위에서 측정을 실행하면 이 CPU의 한계도 함께 잽니다.",
    "speed.estimate.table": "추정 행 (데이터시트 추정값이며, 잰 값이 아닙니다)",
    "speed.estimate.col.gpu": "GPU (데이터시트 추정)",
    "speed.estimate.col.what": "연산",
    "speed.estimate.col.seconds": "추정 시간(초), 최소",
    "speed.estimate.col.peak": "쓴 최고 성능 (GFLOP/s)",
    "speed.estimate.col.bound": "한계 요인",
    "speed.estimate.col.ratio": "이 CPU보다 최대 몇 배",
    "speed.estimate.bound.compute": "계산",
    "speed.estimate.bound.memory": "메모리",
    "speed.estimate.bound.launch": "커널 실행 비용",
    "speed.estimate.what.op": "{op} 연산, n = {size}, {dtype}",
    "speed.estimate.what.train": "학습 스텝 한 번, 배치 크기 {size}, {dtype}",
    "speed.estimate.verdict.none": (
        "추정할 수 없습니다. 이 연산들의 CPU 시간을 재지 않아서 추정값과 비교할 대상이 없습니다."
    ),
    "speed.estimate.verdict.gpu": "{gpu} 최소 {seconds}초(최대 {ratio}배)",
    "speed.estimate.verdict.lead": (
        "**데이터시트로 낸 추정값이며, 잰 값이 아닙니다.** {what}에서 이 CPU는 {cpu_s}초가 "
        "걸렸습니다. 루프라인 모델로 보면 이 GPU들도 다음 시간보다 빠를 수는 없습니다: {gpus}."
    ),
    "speed.estimate.verdict.allows": (
        "가장 느린 GPU도 최대 {low}배까지 빠를 수 있으므로, 데이터시트로 보면 여기서 1장의 "
        "40~50배는 가능합니다. 실제 GPU가 얼마나 가까이 가는지는 재 봐야 알 수 있습니다."
    ),
    "speed.estimate.verdict.some": (
        "{reach:은/는} 1장의 40~50배에 닿을 수 있지만(최대 {high}배), {short:은/는} 데이터시트의 "
        "최고 성능으로도 닿지 못합니다(최대 {short_best}배). 실제 GPU가 얼마나 가까이 가는지는 "
        "재 봐야 알 수 있습니다."
    ),
    "speed.estimate.verdict.rules_out": (
        "데이터시트의 최고 성능으로 계산해도 어느 GPU도 {high}배보다 빠를 수 없습니다. 이 크기의 "
        "이 연산에서는 1장의 40~50배가 성립할 수 없습니다."
    ),
    "speed.chart.intensity": "연산 강도 (바이트당 FLOP)",
    "speed.chart.estimate": "추정값 (데이터시트)",
    "speed.chart.peak": "이 CPU의 행렬 곱셈 최고 성능",
    "speed.chart.bandwidth": "이 CPU의 메모리 대역폭",
    "speed.tab.roofline": "루프라인",
    "speed.code": "칸 하나를 재는 코드 보기: explainer.bench.timing.measure_cell",
}
