# 학습 보고서: `stats`, `report --format md`, `report --format html`이
# 함께 쓰는 말 (src/export/report/).

report-title = synack 학습 보고서
report-scope-all = 모든 덱
report-scope-deck = 덱 { $deck }
report-scope-tag = 태그 { $tag }
report-scope-deck-tag = 덱 { $deck }, 태그 { $tag }
report-as-of = { $scope } · { $generated } 기준 (오늘: { $today })

## 요약
report-overview = 요약
report-item = 항목
report-value = 값
report-cards = 카드
report-new = 새 카드
report-learning = 학습 중
report-review = 복습
report-relearning = 재학습
report-suspended = 보류
report-reviews = 복습 횟수
report-study-days = 공부한 날
report-streak = 연속 학습
report-streak-days = 연속 학습 (일)
report-days = { $days }일
report-retention-young = 실제 기억 유지율, 미숙
report-retention-mature = 실제 기억 유지율, 숙련
report-retention-all = 실제 기억 유지율, 전체
report-retention-note = 실제 기억 유지율은 복습 상태 카드에 그날 처음 한 답만 셉니다 (다시 = 실패, 학습·재학습 단계는 빼고 셉니다). 숙련: 복습 전 간격이 { $days }일 이상인 카드.

## 주제
report-topics = 주제별
report-col-topic = 주제
report-col-cards = 카드
report-col-new = 새 카드
report-col-young = 미숙
report-col-mature = 숙련
report-col-r = R
report-col-lapses = 실패
report-col-verdict = 판정
report-verdict-solid = 탄탄함
report-verdict-shaky = 불안함
report-verdict-weak = 약함
report-verdict-not-started = 시작 전
report-verdict-note = 판정: 시작 전 = 아직 복습 없음; 약함 = 평균 R { $weak }% 미만 또는 카드당 실패 { $weak_lapses }회 이상; 불안함 = R { $shaky }% 미만 또는 실패 { $shaky_lapses }회 이상; 그 밖에는 탄탄함.
report-not-started = 시작 전: 주제 { $topics }개 (카드 { $cards }장, 아직 복습 없음)

## 카드
report-weakest = 가장 약한 카드
report-no-reviewed = 아직 복습한 카드가 없습니다.
report-col-id = #
report-col-card = 카드
report-col-stability = 안정도
report-col-source = 출처
report-stability-days = { $days }일
report-open-questions = 아직 답이 없는 질문
report-none = 없습니다.
report-col-question = 질문
report-col-reviews = 복습
report-typed = 최근 { $days }일 입력한 답
report-col-when = 시각
report-col-typed = 입력한 답
report-col-grade = 평가
report-typed-more = 외 { $rest }개 (최근 { $shown }개만 보여 줍니다).
report-rating-again = 다시
report-rating-hard = 어려움
report-rating-good = 알맞음
report-rating-easy = 쉬움

## 예정
report-forecast = 앞으로 30일 예정
report-col-date = 날짜
report-col-due = 예정

## 시험일 (exam_date, issue 30 §3)
report-exam-title = { $date } 예상 회상률: { $recall }
report-exam-heading = 시험일: { $date }
report-exam-recall = { $date } 예상 회상률
report-exam-topics = 주제별 (약한 주제부터)
report-exam-col-recall = 예상 회상률
report-exam-more = 나머지 주제 { $count }개
report-exam-plan = 그날까지 하루 N장씩 공부하면 (시험일에 맞춘 순서, 시뮬레이션)
report-exam-col-per-day = 하루 카드 수
report-exam-col-plan-recall = 당일 예상 회상률
report-exam-plan-item = 하루 { $per_day }장 → { $recall }
report-exam-note = 예상 회상률: 그날 각 카드를 떠올릴 FSRS 확률의 평균입니다 (한 번도 공부하지 않은 카드는 0으로 셉니다).

## 차트 (HTML)
report-charts = 차트
report-no-data = 아직 데이터가 없습니다
report-chart-calendar = 복습 달력
report-chart-states = 카드 상태
report-chart-per-day = 최근 { $days }일 하루 복습 수
report-chart-forecast = 앞으로 30일 예정 카드
report-chart-retention = 주별 실제 기억 유지율
report-chart-buttons = 카드 상태별 평가
report-chart-hours = 시간대별 복습
report-chart-interval = 간격 (일)
report-chart-stability = 안정도 (일)
report-chart-difficulty = 난이도 (1–10)
report-chart-retrievability = 현재 회상 확률
report-axis-day = 날짜 (MM-DD)
report-axis-reviews = 복습 수
report-axis-cards-due = 예정 카드 수
report-axis-week = 주 시작일 (MM-DD)
report-axis-passed = 통과율
report-axis-state-before = 복습 전 카드 상태
report-axis-answers = 답 수
report-axis-hour = 시각 (현지 시간)
report-axis-interval = 마지막 복습이 정한 간격
report-axis-stability = 안정도 (일)
report-axis-difficulty = 난이도 (1 쉬움, 10 어려움)
report-axis-retrievability = 현재 회상 확률
report-axis-cards = 카드 수
report-series-due = 예정
report-series-passed = 통과
report-series-cards = 카드
report-desired = 목표 { $percent }%
report-state-passed = 통과 { $percent }%
report-state-young = 미숙
report-state-mature = 숙련
report-calendar-legend = 복습:
report-calendar-day = { $date }: { $reviews }회
report-month = { $month }월
report-weekday = { $day ->
    [0] 월
    [1] 화
    [2] 수
    [3] 목
    [4] 금
    [5] 토
   *[6] 일
}

## `report --until DATE`
report-opt-until = DATE(YYYY-MM-DD)의 예상 회상률도 보여 줍니다: 전체, 주제별, 그날까지 하루 N장씩 공부했을 때 (`due --until`과 같습니다; 기본값: exam_date 설정)
report-until-bad = --until { $date }: 날짜가 아닙니다 (2027-01-15처럼 YYYY-MM-DD로 적습니다)
report-until-past = --until { $date }: 오늘 이후의 날짜가 아닙니다
