"""Strings of the home page's Jupyter section: the exercises with their code, a live kernel, and
the check of a student's own machine (``explainer/jupyter_view.py``)."""

EN = {
    "jupyter.header": "Jupyter and the exercises, live",
    "jupyter.exercise1.header": "Exercise 1: which Python, which PyTorch, which GPU?",
    "jupyter.exercise1.caption": (
        "Each answer below comes from running the code beside it, here, in this app's Python:"
    ),
    "jupyter.meaning.sys_version": "The interpreter that runs your code: its version and build.",
    "jupyter.meaning.torch_version": (
        "`+cpu` marks a CPU-only build, `+cu121` a build for CUDA 12.1. The suffix alone is no "
        "proof: it is only a label in a version string (the CUDA wheels on PyPI for Linux carry "
        "none, nor does a build from source), and a `+cu121` build without an NVIDIA driver "
        "still cannot use a GPU. Ask torch itself: the next two answers."
    ),
    "jupyter.meaning.torch_cuda": (
        "The CUDA version torch was built with; `None` means a build without CUDA."
    ),
    "jupyter.meaning.cuda_available": (
        "Whether a GPU can be used right now: it takes a CUDA build, an NVIDIA GPU and a driver "
        "new enough for that build."
    ),
    "jupyter.kernel.header": "Exercise 2: which Python does Jupyter use? Ask a kernel",
    "jupyter.kernel.caption": (
        "Jupyter does not run your code itself. It starts a **kernel**, a separate process that "
        "runs code and sends back the results, and sends it **cells**, the units of code you run "
        "(section 1.5.1). The button starts a real Jupyter kernel (`python3`, the one Jupyter "
        "would start), sends it one cell, shows its answers beside this app's, and stops it."
    ),
    "jupyter.kernel.cell": "The cell sent to the kernel",
    "jupyter.kernel.run": "Start a kernel and run the cell",
    "jupyter.kernel.waiting": "Starting a Jupyter kernel and waiting for its answer (a few seconds)...",
    "jupyter.kernel.took": "The kernel started, ran the cell and answered in {seconds:.1f} s; it has been shut down.",
    "jupyter.kernel.question": "Question",
    "jupyter.kernel.app": "This app",
    "jupyter.kernel.kernel": "The Jupyter kernel",
    "jupyter.kernel.same_value": "✓ the same",
    "jupyter.kernel.same": (
        "**The same Python and the same torch.** The kernel is another process (pid {kernel_pid}, "
        "this app is {app_pid}), but it runs the same interpreter and imports the same torch "
        "installation."
    ),
    "jupyter.kernel.different": (
        "**Not the same.** Same Python: {python}. Same torch: {torch}. The table shows where "
        "they differ; the comparison below explains each case and its fix."
    ),
    "jupyter.kernel.error.no_jupyter": (
        "This server cannot start a Jupyter kernel: `jupyter_client` is not installed. The rest of "
        "the page works. Fix:"
    ),
    "jupyter.kernel.error.no_kernel": (
        "There is no Jupyter kernel named `{kernel}` on this server. Fix: register this Python as "
        "a kernel:"
    ),
    "jupyter.kernel.error.died": (
        "The kernel exited as soon as it started, usually because `ipykernel` is missing in its "
        "Python. Fix:"
    ),
    "jupyter.kernel.error.timeout": (
        "The kernel did not answer in time: the server may be busy. Press the button again in a "
        "moment. To check that a kernel starts at all:"
    ),
    "jupyter.kernel.error.busy": (
        "Another student's kernel is running on this server (one at a time). Try again in a few "
        "seconds."
    ),
    "jupyter.kernel.error.cell_error": "The kernel ran the cell but it failed. To check by hand:",
    "jupyter.kernel.error.detail": "What happened:",
    "jupyter.own.header": "On your own machine: the shell, Jupyter, and one comparison",
    "jupyter.own.shell": (
        "**1.** In a terminal, run this one line. It prints the answers as one line of JSON. "
        "(If `python` is not found, try `python3`: that two names may mean two Pythons is "
        "exactly what this checks.)"
    ),
    "jupyter.own.cell": "**2.** In a Jupyter notebook, run this cell:",
    "jupyter.own.paste": "**3.** Paste both outputs here and compare them.",
    "jupyter.own.paste_shell": "What the terminal printed",
    "jupyter.own.paste_notebook": "What the notebook printed",
    "jupyter.own.compare": "Compare",
    "jupyter.own.unreadable": "Cannot read the {where} output ({error}). Paste the line that starts with {{.",
    "jupyter.own.where.shell": "terminal",
    "jupyter.own.where.notebook": "notebook",
    "jupyter.own.table.field": "answer",
    "env.finding.all_same": (
        "**The same Python and the same torch** in the terminal and in Jupyter: what you install "
        "with `pip` in that terminal is what your notebooks import."
    ),
    "env.finding.same_python_two_names": (
        "The same Python under two names (see `executable`): one environment, reached by two "
        "paths, such as `python` and `python3`. Nothing to fix."
    ),
    "env.finding.different_python": (
        "**Two different Pythons.** Jupyter's kernel runs another interpreter than your terminal "
        "(compare `prefix` and `executable`), so `pip install` in the terminal does not reach "
        "your notebooks. Fix: in the terminal's environment run `python -m pip install ipykernel` "
        "and `python -m ipykernel install --user --name my-env`, then choose the kernel *my-env* "
        "in Jupyter; or install from a notebook cell with `%pip install torch`, which always "
        "installs into the kernel's own Python."
    ),
    "env.finding.different_torch": (
        "**Two different torch installations** (compare `torch_file` and `torch_version`): the "
        "terminal and the notebook import different copies. A common cause is a second copy in "
        "your user folder (`~/.local`) or on `PYTHONPATH`. Fix: `python -m pip uninstall torch` "
        "until none is left in the environment you do not want, then install once with "
        "`%pip install torch` in the notebook."
    ),
    "env.finding.no_torch": (
        "**No torch in the {where}.** Fix: install it there (in a notebook: `%pip install torch`; "
        "the command for your system is at pytorch.org)."
    ),
    "env.finding.cpu_build_with_gpu": (
        "**A CPU-only torch on a machine with an NVIDIA GPU** ({where}): `nvidia-smi` is there, "
        "but `cuda_version` is empty, so this torch can never use the GPU. Fix: uninstall it and "
        "install a CUDA build with the command that pytorch.org gives for your system."
    ),
    "env.finding.cuda_no_driver": (
        "**A CUDA build that cannot reach the GPU** ({where}): `nvidia-smi` is there but "
        "`cuda_available` is false. The NVIDIA driver is probably older than the build's CUDA: "
        "update the driver, or install a torch built for an older CUDA."
    ),
    "env.finding.cuda_build_no_gpu": (
        "A CUDA build on a machine without an NVIDIA driver ({where}): it works, on the CPU. "
        "Nothing to fix unless you expected a GPU."
    ),
    "env.finding.gpu_ready": "The {where}'s torch can use the GPU: `torch.cuda.is_available()` is true.",
}

KO = {
    "jupyter.header": "주피터와 연습 문제, 실시간으로",
    "jupyter.exercise1.header": "연습 문제 1: 어떤 파이썬, 어떤 파이토치, 어떤 GPU?",
    "jupyter.exercise1.caption": (
        "아래의 답은 모두 옆에 적힌 코드를 지금 이 앱의 파이썬에서 실행해서 얻은 것입니다."
    ),
    "jupyter.meaning.sys_version": "코드를 실행하는 인터프리터의 버전과 빌드 정보입니다.",
    "jupyter.meaning.torch_version": (
        "`+cpu`는 CPU 전용 빌드, `+cu121`은 CUDA 12.1용 빌드라는 표시입니다. 하지만 접미사만으로는 "
        "확신할 수 없습니다. 버전 문자열에 붙은 이름표일 뿐이어서, PyPI에 올라온 리눅스용 CUDA "
        "빌드나 소스에서 직접 빌드한 파이토치에는 아예 붙지 않고, `+cu121` 빌드라도 NVIDIA "
        "드라이버가 없으면 GPU를 쓸 수 없습니다. 파이토치에게 직접 물어보세요. 다음 두 답이 "
        "그 방법입니다."
    ),
    "jupyter.meaning.torch_cuda": (
        "파이토치를 빌드할 때 쓴 CUDA 버전입니다. `None`이면 CUDA 없이 빌드된 것입니다."
    ),
    "jupyter.meaning.cuda_available": (
        "지금 GPU를 쓸 수 있는지 알려 줍니다. CUDA 빌드, NVIDIA GPU, 그리고 그 빌드에 맞을 만큼 "
        "새로운 드라이버가 모두 있어야 합니다."
    ),
    "jupyter.kernel.header": "연습 문제 2: 주피터는 어떤 파이썬을 쓸까? 커널에게 물어보기",
    "jupyter.kernel.caption": (
        "주피터는 코드를 직접 실행하지 않습니다. 코드를 실행하고 결과를 돌려주는 별도의 프로세스인 "
        "**커널**을 띄우고, 한 번에 실행할 코드 단위인 **셀**을 커널에 보냅니다(1.5.1절). 아래 "
        "버튼을 누르면 실제 주피터 커널(주피터가 띄우는 것과 같은 `python3` 커널)을 시작해 셀 "
        "하나를 보내고, 커널이 보낸 답을 이 앱의 답과 나란히 보여 준 뒤 커널을 종료합니다."
    ),
    "jupyter.kernel.cell": "커널에 보내는 셀",
    "jupyter.kernel.run": "커널을 시작하고 셀 실행하기",
    "jupyter.kernel.waiting": "주피터 커널을 시작하고 답을 기다리는 중입니다(몇 초 걸립니다)...",
    "jupyter.kernel.took": (
        "커널이 시작해서 셀을 실행하고 답하기까지 {seconds:.1f}초 걸렸습니다. 커널은 종료했습니다."
    ),
    "jupyter.kernel.question": "질문",
    "jupyter.kernel.app": "이 앱",
    "jupyter.kernel.kernel": "주피터 커널",
    "jupyter.kernel.same_value": "✓ 같음",
    "jupyter.kernel.same": (
        "**같은 파이썬, 같은 파이토치입니다.** 커널은 다른 프로세스이지만(커널의 pid는 "
        "{kernel_pid}, 이 앱은 {app_pid}), 같은 인터프리터를 실행하고 같은 파이토치 설치본을 "
        "불러옵니다."
    ),
    "jupyter.kernel.different": (
        "**같지 않습니다.** 같은 파이썬: {python}. 같은 파이토치: {torch}. 어디가 다른지는 표에 "
        "있고, 경우마다 무슨 뜻인지와 고치는 방법은 아래 비교 부분에 있습니다."
    ),
    "jupyter.kernel.error.no_jupyter": (
        "이 서버에는 `jupyter_client`가 설치되어 있지 않아 주피터 커널을 시작할 수 없습니다. "
        "페이지의 나머지 부분은 그대로 쓸 수 있습니다. 해결 방법:"
    ),
    "jupyter.kernel.error.no_kernel": (
        "이 서버에는 이름이 `{kernel}`인 주피터 커널이 없습니다. 해결 방법: 이 파이썬을 커널로 "
        "등록하세요."
    ),
    "jupyter.kernel.error.died": (
        "커널이 시작하자마자 종료되었습니다. 대개 커널의 파이썬에 `ipykernel`이 없어서 생기는 "
        "일입니다. 해결 방법:"
    ),
    "jupyter.kernel.error.timeout": (
        "커널이 제시간에 답하지 않았습니다. 서버가 바쁠 수 있으니 잠시 뒤에 버튼을 다시 눌러 "
        "보세요. 커널이 아예 시작되는지 확인하려면:"
    ),
    "jupyter.kernel.error.busy": (
        "이 서버에서 다른 학생의 커널이 실행 중입니다(한 번에 하나씩만 실행합니다). 몇 초 뒤에 "
        "다시 해 보세요."
    ),
    "jupyter.kernel.error.cell_error": ("커널이 셀을 실행했지만 실패했습니다. 직접 확인하려면:"),
    "jupyter.kernel.error.detail": "일어난 일:",
    "jupyter.own.header": "내 컴퓨터에서: 셸, 주피터, 그리고 비교 한 번",
    "jupyter.own.shell": (
        "**1.** 터미널에서 아래 한 줄을 실행하세요. 답을 JSON 한 줄로 출력합니다. (`python`을 "
        "찾을 수 없다고 나오면 `python3`로 해 보세요. 이름이 둘이면 파이썬도 둘일 수 있다는 것, "
        "바로 그것을 확인하려는 것입니다.)"
    ),
    "jupyter.own.cell": "**2.** 주피터 노트북에서 아래 셀을 실행하세요.",
    "jupyter.own.paste": "**3.** 두 출력을 여기에 붙여 넣고 비교하세요.",
    "jupyter.own.paste_shell": "터미널이 출력한 내용",
    "jupyter.own.paste_notebook": "노트북이 출력한 내용",
    "jupyter.own.compare": "비교하기",
    "jupyter.own.unreadable": (
        "{where} 출력을 읽을 수 없습니다({error}). {{로 시작하는 줄을 붙여 넣으세요."
    ),
    "jupyter.own.where.shell": "터미널",
    "jupyter.own.where.notebook": "노트북",
    "jupyter.own.table.field": "항목",
    "env.finding.all_same": (
        "터미널과 주피터가 **같은 파이썬, 같은 파이토치**를 씁니다. 그 터미널에서 `pip`으로 설치한 "
        "것을 노트북에서 그대로 불러옵니다."
    ),
    "env.finding.same_python_two_names": (
        "같은 파이썬이 두 이름으로 불립니다(`executable` 참고). `python`과 `python3`처럼 경로만 "
        "다를 뿐 환경은 하나입니다. 고칠 것은 없습니다."
    ),
    "env.finding.different_python": (
        "**서로 다른 파이썬 두 개입니다.** 주피터 커널이 터미널과 다른 인터프리터를 실행합니다"
        "(`prefix`와 `executable`을 비교해 보세요). 그래서 터미널에서 `pip install`을 해도 노트북에는 "
        "반영되지 않습니다. 해결 방법: 터미널의 환경에서 `python -m pip install ipykernel`과 "
        "`python -m ipykernel install --user --name my-env`를 실행한 뒤, 주피터에서 *my-env* 커널을 "
        "고르세요. 아니면 노트북 셀에서 `%pip install torch`로 설치하세요. 이 명령은 언제나 커널 "
        "자신의 파이썬에 설치합니다."
    ),
    "env.finding.different_torch": (
        "**파이토치가 두 군데 설치되어 있습니다**(`torch_file`과 `torch_version`을 비교해 보세요). "
        "터미널과 노트북이 서로 다른 사본을 불러옵니다. 흔한 원인은 사용자 폴더(`~/.local`)나 "
        "`PYTHONPATH`에 있는 또 하나의 사본입니다. 해결 방법: 원하지 않는 환경에서 "
        "`python -m pip uninstall torch`를 사본이 남지 않을 때까지 실행한 뒤, 노트북에서 "
        "`%pip install torch`로 한 번만 설치하세요."
    ),
    "env.finding.no_torch": (
        "**{where}에 파이토치가 없습니다.** 해결 방법: 그곳에 설치하세요(노트북에서는 "
        "`%pip install torch`, 시스템에 맞는 명령은 pytorch.org에 있습니다)."
    ),
    "env.finding.cpu_build_with_gpu": (
        "**NVIDIA GPU가 있는 컴퓨터에 CPU 전용 파이토치가 설치되어 있습니다**({where}). "
        "`nvidia-smi`는 있는데 `cuda_version`이 비어 있으므로, 이 파이토치로는 GPU를 절대 쓸 수 "
        "없습니다. 해결 방법: 지우고, pytorch.org가 알려 주는 명령으로 CUDA 빌드를 설치하세요."
    ),
    "env.finding.cuda_no_driver": (
        "**GPU에 닿지 못하는 CUDA 빌드입니다**({where}). `nvidia-smi`는 있는데 `cuda_available`이 "
        "거짓입니다. NVIDIA 드라이버가 빌드의 CUDA 버전보다 오래되었을 가능성이 큽니다. "
        "드라이버를 업데이트하거나, 더 오래된 CUDA용으로 빌드된 파이토치를 설치하세요."
    ),
    "env.finding.cuda_build_no_gpu": (
        "NVIDIA 드라이버가 없는 컴퓨터의 CUDA 빌드입니다({where}). CPU에서는 잘 동작합니다. GPU를 "
        "기대한 것이 아니라면 고칠 것은 없습니다."
    ),
    "env.finding.gpu_ready": (
        "{where}의 파이토치는 GPU를 쓸 수 있습니다. `torch.cuda.is_available()`이 참입니다."
    ),
}
