"""Strings of the "Class digits" page: a room where the class's own handwriting is the test set."""

EN = {
    "nav.class_digits": "Class digits",
    "nav.class_board": "Class digits: teacher's view",
    "class_board.title": "Class digits: the teacher's view",
    "class_board.intro": (
        "Project the QR code so that the class can join, then watch the rules, the linear "
        "classifier and the CNN read **the class's own handwriting** as the digits arrive."
    ),
    "class_board.no_token": (
        "This view opens with a teacher link: the one given when the room was opened, in "
        "presenter mode on the students' page or with `python -m explainer room create`."
    ),
    "class_board.to_students": "To the students' page: join a room, or open one",
    "class_digits.title": "Class digits",
    "class_digits.intro": (
        "Everyone draws digits on a phone or a laptop, and the room watches the hand-made "
        "features and the learned CNN meet **the class's own handwriting**, live. Only the "
        "28x28 digit, the digit asked for and the three answers are kept: no name, no picture "
        "file, no address."
    ),
    # joining and opening a room
    "class_digits.join.code": "Room code",
    "class_digits.join.button": "Join",
    "class_digits.join.bad_code": (
        "That is not a room code: a code has 8 letters and digits, like ABCD-EFGH."
    ),
    "class_digits.join.teacher_hint": (
        "Teachers: switch on presenter mode in the sidebar to open a room for your class, or run "
        "`python -m explainer room create`."
    ),
    "class_digits.open.button": "Open a room for this class",
    "class_digits.error.unknown": "No room has the code {code}. Check the code with your teacher.",
    "class_digits.error.expired": "Room {code} has expired. Ask your teacher for a new code.",
    "class_digits.error.closed": (
        "Room {code} is closed: your teacher has ended it. Thank you for your digits!"
    ),
    "class_digits.error.full": "Room {code} is full: it takes no more digits. Thank you!",
    "class_digits.error.forbidden": "Only the teacher's own link can do that.",
    "class_digits.error.teacher_link": (
        "This teacher link does not belong to room {code}: you see the room as a student does."
    ),
    "class_digits.error.no_digit": "That digit has been deleted already.",
    "class_digits.error.bad_digit": "This digit cannot be stored.",
    "class_digits.error.db": "The rooms database cannot be opened right now. What went wrong:",
    # the student's view
    "class_digits.student.prompt": "Draw a {digit}",
    "class_digits.student.prompt_an": "Draw an {digit}",
    "class_digits.student.steps": (
        "Draw it big, with a finger or the mouse, then press “Send my digit”. Room {code}."
    ),
    "class_digits.student.send": "Send my digit",
    "class_digits.student.clear": "Start again",
    "class_digits.student.empty": "The canvas is empty: draw the digit first.",
    "class_digits.student.small": (
        "That is too small to read: draw the digit bigger, so that it fills most of the box."
    ),
    "class_digits.student.bad": "This drawing cannot become a digit:",
    "class_digits.student.too_fast": (
        "Not so fast: one digit every 2 seconds. Press again in a moment; your drawing is still "
        "there."
    ),
    "class_digits.student.limit": (
        "You have sent {n} digits: that is as many as one person can send to a room. Thank you!"
    ),
    "class_digits.student.result": "The {label} you just sent, as the three classifiers read it:",
    "class_digits.student.answer": "{name}: **{answer}** {mark}",
    "class_digits.student.abstain": "no rule fits",
    "class_digits.student.sent": "Digits you have sent to this room: {n}. The next one is waiting above.",
    # the teacher's view
    "class_digits.section.join": "Join the room",
    "class_digits.section.live": "The class's digits, live",
    "class_digits.section.learn": "Learning from the class",
    "class_digits.section.room": "Moderate and export",
    "class_digits.join.scan": "Scan the QR code with a phone's camera, or open {url}",
    "class_digits.join.code_label": "Room code",
    "class_digits.join.expires": "Open until {time} (UTC).",
    "class_digits.teacher.link": "Your teacher link: do not project it",
    "class_digits.teacher.link_help": (
        "It is the only way back to this view, with moderation. It is no longer in the address "
        "bar, so the room cannot copy it from the screen: keep it somewhere safe."
    ),
    "class_digits.state.closed": "This room is closed: it takes no more digits.",
    "class_digits.state.expired": "This room has expired: it takes no more digits.",
    "class_digits.live.count": "Digits from the class so far: **{n}** (this view refreshes by itself).",
    "class_digits.live.empty": "No digits yet: they appear here as the students send them.",
    "class_digits.live.accuracy": "Accuracy on the class's digits, next to the 1,000 test digits",
    "class_digits.live.gallery": (
        "The latest digits, newest first. Each caption is the digit asked for, with an arrow to "
        "the CNN's answer where the CNN got it wrong."
    ),
    "class_digits.live.confusion": "Confusion matrices on the class's digits",
    "class_digits.live.disagree": "Where the CNN and the hand-made features disagree",
    "class_digits.live.disagree_caption": (
        "“Hand” is the linear classifier on the hand-made features. Each digit is captioned "
        "*asked for: hand / CNN*."
    ),
    "class_digits.live.none": "None so far.",
    "class_digits.set.class": "the class's digits",
    "class_digits.set.test": "test digits",
    "class_digits.delete.label": "Delete a digit (one drawn as a joke, say)",
    "class_digits.delete.option": "#{number}: asked for {label}, CNN read {cnn}",
    "class_digits.delete.placeholder": "Choose a digit, newest first",
    "class_digits.delete.button": "Delete this digit",
    "class_digits.delete.done": "Deleted.",
    "class_digits.close.button": "Close the room",
    "class_digits.close.confirm": "Yes, close it: no more digits from anyone",
    "class_digits.export.caption": "Take the class's digits home: images, labels and every answer.",
    "class_digits.export.npz": "Download the digits (.npz)",
    "class_digits.export.csv": "Download the digits (CSV)",
    "class_digits.learn.caption": (
        "Can the CNN learn this class's handwriting? A **copy** of it trains for a few steps on "
        "half of the class's digits and is then tested on the other half, which it has never "
        "seen. The CNN that everyone else uses does not change."
    ),
    "class_digits.learn.button": "Fine-tune a copy on half the class's digits",
    "class_digits.learn.few": "This needs at least {n} digits; the class has sent {have} so far.",
    "class_digits.learn.waiting": (
        "Other runs are training on this server right now: this one starts as soon as a slot is "
        "free."
    ),
    "class_digits.learn.running": "Fine-tuning a copy of the CNN…",
    "class_digits.learn.before": "before",
    "class_digits.learn.after": "after",
    "class_digits.learn.held": "held-out half ({n} digits)",
    "class_digits.learn.test": "test digits (1,000)",
    "class_digits.learn.result": (
        "After {steps} steps on {train} of the class's digits ({seconds:.1f} s): on the {held} "
        "digits it never saw, the CNN went from {before:.0%} to {after:.0%} right; on the test "
        "digits from {test_before:.1%} to {test_after:.1%}."
    ),
}

KO = {
    "nav.class_digits": "우리 반 숫자",
    "nav.class_board": "우리 반 숫자: 선생님 화면",
    "class_board.title": "우리 반 숫자: 선생님 화면",
    "class_board.intro": (
        "QR 코드를 화면에 띄워 학생들이 방에 들어오게 한 다음, 숫자가 들어오는 대로 규칙과 선형 "
        "분류기, CNN이 **우리 반의 손글씨**를 어떻게 읽는지 지켜봅니다."
    ),
    "class_board.no_token": (
        "이 화면은 선생님 링크로 엽니다. 방을 열 때 받은 링크입니다. 학생 페이지에서 발표 모드로 "
        "열었거나 `python -m explainer room create` 명령으로 받은 링크를 쓰세요."
    ),
    "class_board.to_students": "학생 페이지로: 방에 들어가거나 방을 엽니다",
    "class_digits.title": "우리 반 숫자",
    "class_digits.intro": (
        "모두가 휴대폰이나 노트북으로 숫자를 그리면, 손으로 만든 특징과 학습된 CNN이 **우리 반의 "
        "손글씨**를 어떻게 읽는지 다 함께 실시간으로 지켜봅니다. 저장되는 것은 28x28 숫자 그림과 "
        "그리라고 한 숫자, 세 분류기의 답뿐입니다. 이름도, 사진 파일도, 접속 주소도 남기지 않습니다."
    ),
    "class_digits.join.code": "방 코드",
    "class_digits.join.button": "들어가기",
    "class_digits.join.bad_code": "방 코드가 아닙니다. 코드는 ABCD-EFGH처럼 영문자와 숫자 8개입니다.",
    "class_digits.join.teacher_hint": (
        "선생님께: 사이드바에서 발표 모드를 켜면 우리 반 방을 열 수 있습니다. "
        "`python -m explainer room create` 명령으로도 열 수 있습니다."
    ),
    "class_digits.open.button": "우리 반 방 열기",
    "class_digits.error.unknown": "코드가 {code}인 방이 없습니다. 선생님께 코드를 다시 확인해 보세요.",
    "class_digits.error.expired": "{code} 방은 기간이 끝났습니다. 선생님께 새 코드를 받으세요.",
    "class_digits.error.closed": "{code} 방은 선생님이 닫았습니다. 숫자를 보내 주어서 고맙습니다!",
    "class_digits.error.full": "{code} 방이 가득 찼습니다. 더는 숫자를 받지 않습니다. 고맙습니다!",
    "class_digits.error.forbidden": "선생님 전용 링크로만 할 수 있는 일입니다.",
    "class_digits.error.teacher_link": (
        "이 선생님 링크는 {code} 방의 것이 아닙니다. 학생 화면으로 보여 드립니다."
    ),
    "class_digits.error.no_digit": "그 숫자는 이미 지워졌습니다.",
    "class_digits.error.bad_digit": "이 숫자는 저장할 수 없습니다.",
    "class_digits.error.db": "지금은 방 데이터베이스를 열 수 없습니다. 무엇이 잘못되었는지:",
    "class_digits.student.prompt": "숫자 {digit:을/를} 그려 보세요",
    "class_digits.student.prompt_an": "숫자 {digit:을/를} 그려 보세요",
    "class_digits.student.steps": (
        "손가락이나 마우스로 크게 그린 다음 “내 숫자 보내기”를 누르세요. 방 코드 {code}."
    ),
    "class_digits.student.send": "내 숫자 보내기",
    "class_digits.student.clear": "다시 그리기",
    "class_digits.student.empty": "캔버스가 비어 있습니다. 먼저 숫자를 그려 주세요.",
    "class_digits.student.small": "너무 작아서 읽을 수 없습니다. 칸을 거의 채울 만큼 크게 그려 주세요.",
    "class_digits.student.bad": "이 그림은 숫자로 바꿀 수 없습니다:",
    "class_digits.student.too_fast": (
        "조금 천천히! 숫자는 2초에 하나씩 보낼 수 있습니다. 잠시 뒤에 다시 누르세요. 그린 숫자는 "
        "그대로 있습니다."
    ),
    "class_digits.student.limit": (
        "숫자를 {n}개 보냈습니다. 한 사람이 한 방에 보낼 수 있는 만큼 다 보냈어요. 고맙습니다!"
    ),
    "class_digits.student.result": "방금 보낸 {label:을/를} 세 분류기는 이렇게 읽었습니다:",
    "class_digits.student.answer": "{name}: **{answer}** {mark}",
    "class_digits.student.abstain": "맞는 규칙 없음",
    "class_digits.student.sent": "이 방에 보낸 숫자: {n}개. 다음 숫자가 위에서 기다리고 있어요.",
    "class_digits.section.join": "방에 들어오기",
    "class_digits.section.live": "우리 반 숫자, 실시간으로",
    "class_digits.section.learn": "우리 반 숫자로 학습하기",
    "class_digits.section.room": "관리와 내보내기",
    "class_digits.join.scan": "휴대폰 카메라로 QR 코드를 찍거나 {url} 주소를 여세요",
    "class_digits.join.code_label": "방 코드",
    "class_digits.join.expires": "{time}(UTC)까지 열려 있습니다.",
    "class_digits.teacher.link": "선생님 링크: 화면에 띄우지 마세요",
    "class_digits.teacher.link_help": (
        "관리 기능이 있는 이 화면으로 돌아오는 유일한 길입니다. 주소창에서는 지웠으니 학생들이 "
        "화면에서 베껴 갈 수 없습니다. 안전한 곳에 보관하세요."
    ),
    "class_digits.state.closed": "닫힌 방입니다. 더는 숫자를 받지 않습니다.",
    "class_digits.state.expired": "기간이 끝난 방입니다. 더는 숫자를 받지 않습니다.",
    "class_digits.live.count": "지금까지 우리 반이 보낸 숫자 **{n}**개 (이 화면은 저절로 새로 고쳐집니다).",
    "class_digits.live.empty": "아직 숫자가 없습니다. 학생들이 보내는 대로 여기에 나타납니다.",
    "class_digits.live.accuracy": "우리 반 숫자에서의 정답률, 테스트 숫자 1,000개와 나란히",
    "class_digits.live.gallery": (
        "가장 최근에 보낸 숫자부터. 그림 위의 글자는 그리라고 한 숫자이고, CNN이 틀렸으면 화살표 "
        "뒤에 CNN의 답을 붙였습니다."
    ),
    "class_digits.live.confusion": "우리 반 숫자의 혼동 행렬",
    "class_digits.live.disagree": "CNN과 손으로 만든 특징이 다르게 답한 숫자들",
    "class_digits.live.disagree_caption": (
        "“수작업”은 손으로 만든 특징에 선형 분류기를 얹은 것입니다. 각 숫자 위에 *그리라고 한 숫자: "
        "수작업 / CNN* 순서로 적었습니다."
    ),
    "class_digits.live.none": "아직 없습니다.",
    "class_digits.set.class": "우리 반 숫자",
    "class_digits.set.test": "테스트 숫자",
    "class_digits.delete.label": "숫자 지우기 (장난으로 그린 숫자 등)",
    "class_digits.delete.option": "#{number}: 그리라고 한 숫자 {label}, CNN의 답 {cnn}",
    "class_digits.delete.placeholder": "지울 숫자를 고르세요 (최근 것부터)",
    "class_digits.delete.button": "이 숫자 지우기",
    "class_digits.delete.done": "지웠습니다.",
    "class_digits.close.button": "방 닫기",
    "class_digits.close.confirm": "네, 닫습니다. 이제 누구도 숫자를 보낼 수 없습니다",
    "class_digits.export.caption": "우리 반 숫자를 가져가세요: 그림, 레이블, 모든 분류기의 답.",
    "class_digits.export.npz": "숫자 내려받기 (.npz)",
    "class_digits.export.csv": "숫자 내려받기 (CSV)",
    "class_digits.learn.caption": (
        "CNN이 우리 반 손글씨를 배울 수 있을까요? CNN의 **복사본**을 우리 반 숫자의 절반으로 몇 "
        "스텝 학습시킨 뒤, 한 번도 본 적 없는 나머지 절반으로 시험합니다. 다른 사람들이 쓰는 CNN은 "
        "바뀌지 않습니다."
    ),
    "class_digits.learn.button": "우리 반 숫자 절반으로 복사본 미세 조정하기",
    "class_digits.learn.few": "숫자가 적어도 {n}개 있어야 합니다. 지금까지 우리 반이 보낸 숫자는 {have}개입니다.",
    "class_digits.learn.waiting": "지금 이 서버에서 다른 학습이 진행 중입니다. 자리가 나는 대로 바로 시작합니다.",
    "class_digits.learn.running": "CNN의 복사본을 미세 조정하는 중…",
    "class_digits.learn.before": "전",
    "class_digits.learn.after": "후",
    "class_digits.learn.held": "남겨 둔 절반 ({n}개)",
    "class_digits.learn.test": "테스트 숫자 (1,000개)",
    "class_digits.learn.result": (
        "우리 반 숫자 {train}개로 {steps} 스텝 학습한 뒤({seconds:.1f}초), 한 번도 보지 못한 숫자 "
        "{held}개에서 CNN의 정답률이 {before:.0%}에서 {after:.0%:으로/로} 바뀌었습니다. 테스트 "
        "숫자에서는 {test_before:.1%}에서 {test_after:.1%:으로/로} 바뀌었습니다."
    ),
}
