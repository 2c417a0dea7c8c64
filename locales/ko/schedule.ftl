# 일정 (src/schedule)과 그 명령: answer, simulate, config, due (src/cli/schedule.rs).

## 사람이 읽는 평가와 상태 이름 (JSON은 again/hard/good/easy, new/learning/review/relearning 그대로)
schedule-rating-again = 다시
schedule-rating-hard = 어려움
schedule-rating-good = 알맞음
schedule-rating-easy = 쉬움
schedule-phase-new = 새 카드
schedule-phase-learning = 학습 중
schedule-phase-review = 복습
schedule-phase-relearning = 재학습
schedule-bad-rating = { $value }: 평가가 아닙니다 (again, hard, good, easy 또는 1-4)
schedule-bad-phase = 알 수 없는 카드 상태 { $value }

## 스케줄러가 쓸 수 없는 설정
schedule-error-retention = 목표 기억 유지율 { $value }가 0.70–0.97 밖입니다
schedule-error-max-interval = 최대 간격은 1일 이상이어야 합니다
schedule-error-rollover = 하루 시작 시각 { $value }는 0–23 사이의 시각이 아닙니다
schedule-error-parameters = FSRS 매개변수를 받아들일 수 없습니다: { $why }
schedule-error-fsrs = FSRS가 다음 상태를 계산하지 못했습니다: { $why }

## synack config: 설정마다 뜻
schedule-key-desired-retention = 목표 기억 유지율, 0.70–0.97 (기본값 0.9)
schedule-key-max-interval = 가장 긴 간격, 일 단위 (기본값 36500)
schedule-key-learning-steps = 새 카드의 학습 단계, 예: "1m 10m" (비워 둘 수 있음)
schedule-key-relearning-steps = 실패 뒤 재학습 단계, 예: "10m" (비워 둘 수 있음)
schedule-key-new-per-day = 공부하는 날 하루의 새 카드 수 (기본값 20)
schedule-key-reviews-per-day = 공부하는 날 하루의 복습 수 (기본값 200)
schedule-key-rollover-hour = 공부하는 하루가 시작하는 현지 시각 (기본값 4)
schedule-key-fuzz = Anki처럼 간격을 조금 흩뜨림 (true/false)
schedule-key-leech-threshold = 카드를 거머리 카드로 만드는 실패 횟수 (기본값 8)
schedule-key-leech-suspend = 거머리 카드에 태그를 붙이고 보류도 함 (true/false)
schedule-key-parameters = FSRS-6 매개변수 21개, 쉼표로 구분 (기본값: FSRS-6의 값)
schedule-key-exam-date = 이날을 향해 공부함, YYYY-MM-DD ("" 또는 해제: 보통 일정)

## synack config: 오류
schedule-unknown-key = 알 수 없는 설정 { $key } (`synack config` 참고)
schedule-not-per-deck = { $key }는 덱별로 정할 수 없습니다. 덱별 설정은 new_per_day와 reviews_per_day뿐입니다
schedule-bad-value = { $key }: { $value }는 올바른 값이 아닙니다: { $why }
schedule-want-retention = 0.9 같은 수여야 합니다
schedule-want-retention-range = 0.70과 0.97 사이여야 합니다
schedule-want-hour = 0부터 23까지의 시각이어야 합니다
schedule-want-date = 2027-01-15 같은 날짜여야 합니다
schedule-want-parameters = 쉼표로 구분한 수 21개여야 합니다
schedule-want-whole = 정수여야 합니다
schedule-want-positive = 1 이상이어야 합니다
schedule-want-bool = true 또는 false여야 합니다
schedule-bad-step = { $step }: 10m 같은 단계가 아닙니다
schedule-bad-step-unit = { $step }: 단위는 s, m, h, d 중 하나여야 합니다
schedule-step-too-short = { $step }: 단계는 1분 이상이어야 합니다
schedule-stored-unknown = 저장된 설정 { $key } = { $value }는 이 synack이 모르는 설정입니다. `synack config unset { $key }`로 지우십시오
schedule-stored-invalid = 저장된 설정 { $key } = { $value }가 올바르지 않습니다 ({ $why }). `synack config set { $key } VALUE` 또는 `synack config unset { $key }`로 고치십시오
schedule-warning = 경고: { $text }

## synack config: 목록과 변경
schedule-deck-limits = 덱별 한도 (전체 한도와 함께 적용):
schedule-unset-removed = { $key } 지움
schedule-unset-follows = { $key }는 { $name } = { $value }를 따릅니다
schedule-unset-default = { $key } = { $value } (기본값)
schedule-unset-unknown = { $key } 지움 (이 synack의 설정이 아님)

## synack answer
schedule-no-card = 카드 { $id }가 없습니다 (`synack cards` 참고)
schedule-answered = #{ $id } { $front }: { $rating } → { $state }, { $interval } 후 예정
schedule-answered-leech = (이제 거머리 카드)

## synack simulate
schedule-simulate-retention = 목표 기억 유지율 { $retention }
schedule-simulate-days = 경과일
schedule-simulate-rating = 평가
schedule-simulate-stability = 안정도
schedule-simulate-difficulty = 난이도
schedule-simulate-retrievability = 회상 확률
schedule-simulate-next = 다음 간격
schedule-simulate-days-value = { $n }일
schedule-reviews-empty = --reviews가 비어 있습니다. "0:good 3:again"처럼 항목을 주십시오
schedule-reviews-item = DAYS:RATING 형식이어야 합니다 (예: 3:good)
schedule-reviews-days = { $days }: 일수가 정수가 아닙니다

## 날짜
schedule-not-a-date = { $date }: 날짜가 아닙니다 (YYYY-MM-DD)
schedule-bad-offset = 현지 UTC 오프셋이 범위를 벗어났습니다
schedule-no-midnight = { $date }에는 이곳의 자정이 없습니다
schedule-exam-date-setting = exam_date 설정

## synack due
schedule-due-today = 오늘: 새 카드 { $new } · 학습 중 { $learning } · 복습 { $review }
schedule-due-forecast = 앞으로 { $days }일 동안의 예정:
schedule-until-recall = { $date }의 예상 회상률: { $recall }
schedule-until-by-topic = 주제별:
schedule-until-plan = 시험일을 향해 공부하면 (하루 카드 수 → 그날의 회상률):
schedule-until-per-day = 하루 { $count }장
