"""How the machine's answers read (``explainer.machine.Fact.answer``), on the home and speed pages."""

EN = {
    "machine.text": "{text}",
    "machine.yes": "yes",
    "machine.no": "no",
    "machine.cpu_only": "CPU only",
    "machine.cuda_build": "CUDA {version}",
    "machine.cpu": "{arch}, {cores} logical cores",
    "machine.unknown": "unknown",
}

KO = {
    "machine.text": "{text}",
    "machine.yes": "예",
    "machine.no": "아니요",
    "machine.cpu_only": "CPU 전용",
    "machine.cuda_build": "CUDA {version}",
    "machine.cpu": "{arch}, 논리 코어 {cores}개",
    "machine.unknown": "알 수 없음",
}
