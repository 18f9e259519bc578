"""Strings of the "Tensors like NumPy" page: the same computations, shared memory, why fast."""

EN = {
    "nav.tensors": "Tensors like NumPy",
    "tensors.title": "Tensors like NumPy",
    "tensors.intro": (
        "The chapter says that tensors are like NumPy arrays, and fast: a tensor is a block of "
        "numbers of one type, side by side in memory, not a list of Python objects. See it on "
        "your digit: the same computations in NumPy and in PyTorch, an array and a tensor that "
        "share their memory, and a timer that shows what the fixed type buys."
    ),
    "tensors.pick.header": "Choose a digit",
    "tensors.same.header": "The same computation, twice",
    "tensors.same.caption": (
        "Each pair below is the real code that ran on your digit: NumPy on `a = image.numpy()`, "
        "PyTorch on the tensor `t`. Beside it, what each returned, and whether the answers are "
        "equal, checked just now."
    ),
    "tensors.op.index": "Indexing: the middle row",
    "tensors.op.broadcast": "Broadcasting: each pixel times its row number",
    "tensors.op.reduce": "Reduction: the ink of each row",
    "tensors.op.matmul": "Matrix product: a linear layer with 10 outputs",
    "tensors.same.numpy": "NumPy: shape {shape}, dtype {dtype}",
    "tensors.same.torch": "PyTorch: shape {shape}, dtype {dtype}",
    "tensors.same.exact": "equal: **{equal}**",
    "tensors.same.close": (
        "equal to the last bit: **{exact}**; equal up to float32 rounding: **{close}** (largest "
        "difference {difference:.1e}). The two libraries add up the 784 products in a "
        "different order, and float sums depend on the order."
    ),
    "tensors.memory.header": "One block of memory, two names",
    "tensors.memory.caption": (
        "`torch.from_numpy(a)` makes a tensor over the NumPy array's own bytes: nothing is "
        "copied. Press the button to write a white line into the **NumPy array** `a`, and watch "
        "the tensor `t` change with it. `.clone()` and `.to(torch.float64)` were made before the "
        'write, as copies, so they keep the old picture. `.to("cpu")` of a tensor already on '
        "the CPU is the same tensor: `.to()` copies only when it must."
    ),
    "tensors.memory.write": "Write a line into the NumPy array",
    "tensors.memory.reset": "Start again",
    "tensors.memory.written": "Lines written into `a`: {count}.",
    "tensors.memory.array": "a (NumPy)",
    "tensors.memory.gpu": (
        'This machine has a GPU: `.to("{device}")` copies the numbers into the GPU\'s own memory, '
        "and from then on the two go separate ways."
    ),
    "tensors.memory.no_gpu": (
        'This machine has no GPU. On one, `.to("cuda")` would copy the numbers into the GPU\'s '
        "own memory, and from then on the two would go separate ways."
    ),
    "tensors.fast.header": "Why tensors are fast",
    "tensors.fast.memory": (
        "The same {pixels:,} pixel values ({digits:,} test digits) kept two ways. In a float32 "
        "tensor (or NumPy array) they take **{tensor:,} bytes**, 4 per pixel: just the numbers, "
        "side by side. In nested Python lists they take **{lists:,} bytes**, {per_pixel:.0f} per "
        "pixel: every value is a separate object that carries its own type, and the list holds "
        "a pointer to it."
    ),
    "tensors.fast.timing": (
        "Adding them all up on one thread: Python loops **{loops:.1f} ms**, NumPy "
        "**{numpy:.2f} ms**, PyTorch **{torch:.2f} ms**."
    ),
    "tensors.fast.slower": (
        "The loops took **{ratio:,.0f}x** as long as PyTorch. For each pixel the interpreter "
        "fetches an object, checks its type and makes a new float for the sum; the tensor's sum "
        "is one tight loop in compiled code over a block of float32s."
    ),
    "tensors.fast.close": (
        "This time the loops were only {ratio:.1f}x as slow as PyTorch: the machine is probably "
        "busy. Press **Measure again**."
    ),
    "tensors.fast.totals": "All three sums agree: {loops:,.2f}, {numpy:,.2f} and {torch:,.2f}.",
    "tensors.fast.features": (
        "The same lesson at full size: on **Features by hand**, the feature extractor written as "
        "Python loops gives exactly the same features as the tensor version, timed beside it."
    ),
    "tensors.col.made_by": "made by",
    "tensors.col.data_ptr": "address (data_ptr)",
    "tensors.col.device": "device",
    "tensors.col.dtype": "dtype",
    "tensors.col.shares_memory": "shares a's memory",
    "tensors.fast.again": "Measure again",
    "tensors.fast.loops": "Python loops",
    "tensors.fast.numpy": "NumPy",
    "tensors.fast.torch": "PyTorch",
    "tensors.fast.x": "milliseconds (log scale)",
}

KO = {
    "nav.tensors": "NumPy를 닮은 텐서",
    "tensors.title": "NumPy를 닮은 텐서",
    "tensors.intro": (
        "책에서는 텐서가 NumPy 배열과 비슷하고 빠르다고 말합니다. 텐서는 파이썬 객체의 리스트가 "
        "아니라, 한 가지 타입의 수가 메모리에 나란히 놓인 덩어리입니다. 여러분의 숫자로 확인해 "
        "봅시다. 같은 계산을 NumPy와 파이토치로 하고, 메모리를 함께 쓰는 배열과 텐서를 보고, "
        "타입이 고정된 덕분에 얼마나 빨라지는지 시간을 잽니다."
    ),
    "tensors.pick.header": "숫자 고르기",
    "tensors.same.header": "같은 계산, 두 번",
    "tensors.same.caption": (
        "아래의 코드 쌍은 여러분의 숫자에 실제로 실행된 코드입니다. NumPy는 `a = image.numpy()`에, "
        "파이토치는 텐서 `t`에 실행했습니다. 옆에는 각각의 결과와, 방금 확인한 두 답이 같은지가 "
        "있습니다."
    ),
    "tensors.op.index": "인덱싱: 가운데 행",
    "tensors.op.broadcast": "브로드캐스팅: 픽셀마다 행 번호를 곱하기",
    "tensors.op.reduce": "축소 연산: 행마다 잉크의 합",
    "tensors.op.matmul": "행렬 곱: 출력이 10개인 선형 층",
    "tensors.same.numpy": "NumPy: 모양 {shape}, dtype {dtype}",
    "tensors.same.torch": "파이토치: 모양 {shape}, dtype {dtype}",
    "tensors.same.exact": "같은가: **{equal}**",
    "tensors.same.close": (
        "마지막 비트까지 같은가: **{exact}**, float32 반올림 범위에서 같은가: **{close}** (가장 큰 "
        "차이 {difference:.1e}). 두 라이브러리가 곱 784개를 더하는 순서가 다른데, 부동소수점 "
        "덧셈은 순서에 따라 결과가 조금 달라집니다."
    ),
    "tensors.memory.header": "메모리 한 덩어리, 이름 둘",
    "tensors.memory.caption": (
        "`torch.from_numpy(a)`는 NumPy 배열의 바이트를 그대로 쓰는 텐서를 만듭니다. 아무것도 "
        "복사하지 않습니다. 버튼을 눌러 **NumPy 배열** `a`에 흰 선을 그어 보세요. 텐서 `t`도 함께 "
        "바뀝니다. `.clone()`과 `.to(torch.float64)`는 선을 긋기 전에 복사본으로 만들어 두었으므로 "
        '예전 그림 그대로입니다. 이미 CPU에 있는 텐서의 `.to("cpu")`는 같은 텐서입니다. '
        "`.to()`는 꼭 필요할 때만 복사합니다."
    ),
    "tensors.memory.write": "NumPy 배열에 선 긋기",
    "tensors.memory.reset": "처음부터",
    "tensors.memory.written": "`a`에 그은 선: {count}개.",
    "tensors.memory.array": "a (NumPy)",
    "tensors.memory.gpu": (
        '이 컴퓨터에는 GPU가 있습니다. `.to("{device}")`는 수를 GPU의 메모리로 복사하고, 그 '
        "뒤로 둘은 따로 움직입니다."
    ),
    "tensors.memory.no_gpu": (
        '이 컴퓨터에는 GPU가 없습니다. GPU가 있다면 `.to("cuda")`가 수를 GPU의 메모리로 '
        "복사하고, 그 뒤로 둘은 따로 움직입니다."
    ),
    "tensors.fast.header": "텐서가 빠른 이유",
    "tensors.fast.memory": (
        "같은 픽셀 값 {pixels:,}개(테스트 숫자 {digits:,}개)를 두 가지 방식으로 담았습니다. "
        "float32 텐서(또는 NumPy 배열)에서는 **{tensor:,}바이트**, 픽셀마다 4바이트입니다. 수만 "
        "나란히 놓이기 때문입니다. 중첩된 파이썬 리스트에서는 **{lists:,}바이트**, 픽셀마다 "
        "{per_pixel:.0f}바이트입니다. 값 하나하나가 자기 타입을 지닌 별도의 객체이고, 리스트는 "
        "그 객체를 가리키는 포인터를 담기 때문입니다."
    ),
    "tensors.fast.timing": (
        "스레드 하나로 모두 더하는 데 걸린 시간: 파이썬 루프 **{loops:.1f} ms**, NumPy "
        "**{numpy:.2f} ms**, 파이토치 **{torch:.2f} ms**."
    ),
    "tensors.fast.slower": (
        "루프는 파이토치보다 **{ratio:,.0f}배** 오래 걸렸습니다. 파이썬 인터프리터는 픽셀마다 "
        "객체를 가져오고, 타입을 확인하고, 합을 담을 새 float을 만듭니다. 텐서의 합은 float32가 "
        "나란히 놓인 덩어리 위를 컴파일된 코드의 촘촘한 루프 하나로 돕니다."
    ),
    "tensors.fast.close": (
        "이번에는 루프가 파이토치보다 {ratio:.1f}배 느린 데 그쳤습니다. 컴퓨터가 바쁜 것 "
        "같습니다. **다시 재기**를 눌러 보세요."
    ),
    "tensors.fast.totals": "세 합은 모두 같습니다: {loops:,.2f}, {numpy:,.2f}, {torch:,.2f}.",
    "tensors.fast.features": (
        "같은 교훈을 실제 크기로: **손으로 만든 특징** 페이지에서는 파이썬 루프로 쓴 특징 추출기가 "
        "텐서 버전과 똑같은 특징값을 내고, 두 버전의 시간을 나란히 잽니다."
    ),
    "tensors.col.made_by": "만든 코드",
    "tensors.col.data_ptr": "주소 (data_ptr)",
    "tensors.col.device": "장치",
    "tensors.col.dtype": "dtype",
    "tensors.col.shares_memory": "a와 메모리 공유",
    "tensors.fast.again": "다시 재기",
    "tensors.fast.loops": "파이썬 루프",
    "tensors.fast.numpy": "NumPy",
    "tensors.fast.torch": "파이토치",
    "tensors.fast.x": "밀리초 (로그 눈금)",
}
