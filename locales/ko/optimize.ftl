# `synack optimize`: 복습 기록에 맞춘 FSRS-6 매개변수
# (src/cli/stats.rs, src/schedule/optimize.rs).

optimize-not-enough = 매개변수를 맞추기에 복습이 부족합니다: 카드의 이전 복습보다 하루 이상 지나서 한 복습이 { $need }개 이상 필요하지만 { $have }개뿐입니다 (카드 { $cards }장)
optimize-nothing-left = 매개변수를 맞추기에 복습이 부족합니다: FSRS는 첫 평가와 두 번째 복습까지의 날수가 같은 카드가 20장 미만인 묶음을 빼고 계산하는데, 복습 { $have }개 (카드 { $cards }장) 가운데 남은 것이 너무 적어 기본값을 그대로 두었습니다
optimize-fsrs = FSRS: { $message }
optimize-panicked = FSRS가 { $doing } 중에 실패했습니다 (fsrs 크레이트의 내부 오류: { $message })
optimize-doing-fit = 매개변수 맞추기
optimize-doing-evaluate = 매개변수 평가
optimize-no-message = 메시지 없음
optimize-malformed = 학습 항목 { $item }의 형식이 잘못되었습니다: { $reviews }
optimize-defaults-kept = 지금은 FSRS-6 기본 매개변수를 그대로 씁니다. 복습이 더 쌓이면 다시 실행하세요.
optimize-fitted = 복습 { $reviews }개 (카드의 이전 복습보다 하루 이상 지난 복습 { $long_term }개, 카드 { $cards }장)로 FSRS-6 매개변수를 맞췄습니다.
optimize-current = 현재
optimize-new = 새 값
optimize-parameters = 새 매개변수: { $parameters }
optimize-ask = 저장할까요? [y/N]
optimize-not-a-terminal = 저장하지 않았습니다 (터미널이 아님). 저장하려면: synack optimize --yes
optimize-rejected = 새 매개변수가 거부되었습니다
optimize-saved = 저장했습니다: parameters = { $value }
optimize-not-saved = 저장하지 않았습니다.
