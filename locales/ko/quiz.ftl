# synack quiz: 세션(src/quiz)과 터미널 어댑터(src/cli/quiz.rs).

## 두 입력 줄 어디서나 쓰는 명령 (:help, Tab 완성)
quiz-cmd-demo = 카드의 데모 실행 (두 번째는 `:demo 2`)
quiz-cmd-show = 원본 파일과 줄, 태그, 기억 상태, 데모
quiz-cmd-skip = 이 카드를 지금은 넘김 (예정으로 남음)
quiz-cmd-bury = 이 카드를 내일까지 숨김
quiz-cmd-suspend = `synack unsuspend ID`까지 이 카드를 복습에서 뺌
quiz-cmd-undo = 마지막 평가를 되돌림 (카드가 다시 나옴)
quiz-cmd-edit = 카드의 노트를 $EDITOR로 그 줄에서 열고, 닫으면 다시 가져옴
quiz-cmd-stats = 이번 세션의 지금까지와 남은 카드
quiz-cmd-help = 이 목록
quiz-cmd-quit = 세션 끝내기 (Ctrl-C, Ctrl-D도 같음). 평가는 저장되어 있습니다
quiz-help-grades = 평가
quiz-help-grades-about = 1 { $again } · 2 { $hard } · 3 { $good } · 4 { $easy } (a, h, g, e). Enter는 { $good }

## 입력 줄 (뒤에 빈칸 하나)
quiz-prompt-answer = 답 ›
quiz-prompt-grade = 평가 (Enter = { $enter }) ›
quiz-prompt-covered = 말한 항목 ›

## 세션 메시지
quiz-not-a-grade = { $line }: 평가가 아닙니다. 1-4나 다시, 어려움, 알맞음, 쉬움(a, h, g, e)을 입력하거나 Enter(알맞음)를 누르십시오. 명령은 :help로 봅니다
quiz-answered-elsewhere = #{ $id } 카드는 여기 화면에 있는 동안 다른 세션에서 답했습니다. { $rating } 평가는 저장하지 않았고 카드를 넘깁니다
quiz-answered-elsewhere-short = 다른 세션에서 답했습니다
quiz-not-a-command = :{ $name }: 명령이 아닙니다. 명령은 :help로 봅니다
quiz-no-card = 화면에 카드가 없습니다
quiz-buried = #{ $id } 카드를 내일까지 숨겼습니다
quiz-suspended = #{ $id } 카드를 보류했습니다 (`synack unsuspend { $id }`로 되돌립니다)
quiz-skipped = #{ $id } 카드를 넘겼습니다. 예정으로 남습니다
quiz-nothing-to-undo = 이 세션에는 되돌릴 평가가 없습니다
quiz-undone = #{ $id } 카드의 { $rating } 평가를 되돌렸습니다. 카드를 다시 보여 줍니다
quiz-demo-one = { $arg }: 이 연습 문제의 데모는 하나입니다
quiz-demo-none = 이 카드에는 데모가 없습니다 (전체 목록: `synack demo list`)
quiz-demo-several = 이 카드에는 데모가 여러 개 있습니다:
quiz-demo-pick = { $arg }: 1부터 { $count }까지의 데모를 고르십시오
quiz-edit-not-a-note = { $path }: 노트 파일의 경로가 아니어서 열지 않았습니다
quiz-edit-opening = { $path }:{ $line } 여는 중
quiz-edit-shipped = 이 카드는 synack에 들어 있는 덱의 카드입니다. 고치려면 덱을 노트 폴더에 복사해 가져오십시오
quiz-new-limit = 오늘의 새 카드를 모두 소개했습니다 (다른 세션이 일부를 가져갔습니다). 이 세션에는 새 카드가 더 없습니다
quiz-no-state = 카드 { $id }에 일정 정보가 없습니다
quiz-not-saved = 저장하지 못했습니다. 다시 시도하십시오: { $why }
quiz-minutes = { $m }분 { $s }초

## :show
quiz-show-source = 원본:  { $place }
quiz-show-tags = 태그:  { $tags }
quiz-show-state = 상태:  { $state } · 복습 횟수 { $reps } · 실패 { $lapses }
quiz-show-due = 예정:  { $due }
quiz-show-memory = 기억:  안정도 { $stability }일 · 난이도 { $difficulty } · 지금 회상 확률 { $recall }
quiz-show-demo = 데모 { $n }:  { $label }

## :stats
quiz-stats-session = 이번 세션: { $seen }장 봄 · { $graded }번 평가 (다시 { $again } · 어려움 { $hard } · 알맞음 { $good } · 쉬움 { $easy }) · 새로 익힌 카드 { $learned }장 · { $time }
quiz-stats-left = 남은 카드: 새 카드 { $new } · 학습 중 { $learn } · 예정 { $due }

## 인터뷰 모드
quiz-marks-empty = 말한 항목을 표시하십시오: 1부터 { $total }까지의 번호(예: 1 3), 전부 또는 없음
quiz-marks-bad = { $item }: 항목이 아닙니다. 1부터 { $total }까지의 번호, 전부 또는 없음을 입력하십시오
quiz-timer = ⏱ { $seconds }초
quiz-which-covered = 어느 항목을 말했습니까? (예: 1 3, 전부, 없음)
quiz-covered = 말한 항목 { $covered }/{ $total } ({ $percent }%)
quiz-follow-up-ahead = (예정 전의 꼬리 질문: 평가하지 않으면 일정은 그대로입니다)
quiz-spoken-follow-up = 꼬리 질문 (말로 답하기): { $question }
quiz-spoken-prompt = 답했습니까? (y/n) ›
quiz-spoken-yes-no = 답할 수 있었으면 y, 아니면 n을 입력하십시오 (Enter는 y)
quiz-spoken-answered = 답함
quiz-spoken-not-answered = 못 답함

quiz-skipped-ahead = #{ $id } 카드를 넘겼습니다. 일정은 그대로입니다
quiz-summary-follow-ups = 꼬리 질문
quiz-summary-follow-ups-value = { $asked }개 중 { $answered }개 답함

## 화면
quiz-card-counts = [{ $index }/{ $total }]  새 카드 { $new } · 학습 중 { $learn } · 예정 { $due }
quiz-card-demo = (▶ :demo로 이 카드의 데모를 실행합니다)
quiz-open-question = (열린 질문: 아직 쓴 답이 없습니다)
quiz-your-answer = 내 답:
quiz-key-terms = 핵심 용어 { $found }/{ $total } ({ $percent }%)
quiz-key-terms-missing = 빠진 용어: { $terms }
quiz-correct = ✓ 정답
quiz-not-correct = ✗ 오답
quiz-enter-grades = Enter는 { $n } ({ $rating })
quiz-cram-note = (벼락치기: 일정은 그대로입니다)
quiz-answered-elsewhere-note = (보여 준 뒤 다른 세션에서 답했습니다: 새 상태로 다시 계산했습니다)
quiz-schedule-unchanged = 일정 그대로
quiz-next-in = 다음 복습: { $interval } 후
quiz-now-a-leech = 이제 거머리 카드입니다 (자주 잊습니다. 고쳐 써 보십시오)

## 요약
quiz-summary-title = 세션 끝
quiz-summary-title-cram = 세션 끝 (벼락치기)
quiz-summary-reviewed = 복습
quiz-summary-again-rate = 다시 비율
quiz-summary-new-learned = 새로 익힌 카드
quiz-summary-time = 시간
quiz-summary-next-due = 다음 예정
quiz-summary-now = 지금
quiz-summary-nothing-left = 오늘 더 공부할 카드가 없습니다.
quiz-summary-left = 오늘 카드 { $count }장이 남았습니다. `synack quiz`로 이어서 합니다.

## 오류
quiz-no-such-tag = 태그 { $tag }가 붙은 카드가 없습니다 (태그는 `synack cards --format json`에서 봅니다)
quiz-until-not-after-today = --until { $date }: 오늘 이후의 날짜가 아닙니다
quiz-until-and-cram = --until은 --cram과 함께 쓸 수 없습니다 (벼락치기는 일정을 바꾸지 않습니다)
quiz-new-and-cram = --new는 --cram과 함께 쓸 수 없습니다 (벼락치기는 이미 익힌 카드를 공부합니다)
quiz-no-prompt = 터미널 입력 줄을 준비할 수 없습니다
quiz-script-gave-up = { $why } ({ $tries }번 시도했습니다. 다음 줄을 엉뚱한 입력 줄에서 읽게 되므로 스크립트 세션을 멈춥니다)
quiz-terminal-gone = 터미널이 응답하지 않아({ $why }) 세션을 끝냅니다
quiz-reading-stdin = 표준 입력을 읽는 중
quiz-editor-empty = $EDITOR가 비어 있습니다
quiz-edit-moved = { $path }: #{ $id } 카드는 더는 이 노트의 카드가 아니어서 열지 않았습니다
quiz-edit-refused = { $path }: { $why }. 열지 않았습니다
quiz-editor-cannot-run = 편집기 { $program }를 실행할 수 없습니다 ($EDITOR를 설정하십시오)
quiz-editor-failed = 편집기 { $program }가 { $status }로 끝나 아무것도 다시 가져오지 않았습니다
quiz-reimported = { $path }를 다시 가져왔습니다: 추가 { $added } · 변경 { $updated } · 그대로 { $unchanged }
quiz-note-not-absolute = 가져오기가 기록하는 절대 경로가 아닙니다
quiz-note-not-a-note = 노트 파일이 아닙니다 (.{ $extensions })
quiz-note-gone = 노트가 더는 없습니다
quiz-note-unreadable = 읽을 수 없습니다: { $why }
quiz-note-a-link = 가져온 파일이 아니라 링크입니다
quiz-note-not-a-file = 일반 파일이 아닙니다
quiz-note-through-a-link = 링크를 거쳐 { $real }로 이어집니다. 가져온 파일이 아닙니다
