# synack exercise: 명령의 화면과 오류.

exercise-error-unknown = 알 수 없는 연습 문제 { $name }입니다 (`synack exercise list` 참고)
exercise-error-bad-params = 연습 문제 { $template }: 잘못된 매개변수 { $params }: { $why }
exercise-correct = 정답
exercise-not-correct = 오답: 답은 { $answer }입니다
exercise-seed-line = { $name } (시드 { $seed })
exercise-check-hint = 답 확인: synack exercise { $name } --seed { $seed } --check "답"
exercise-list-check = --check에는 `list`가 아니라 연습 문제 이름이 필요합니다
