# `synack stats`: 터미널에 보여 주는 보고서 (src/export/report/text.rs).

stats-header = synack 통계 — { $scope } · { $generated }
stats-cards = 카드 { $cards }장: 새 카드 { $new } · 학습 중 { $learning } · 복습 { $review } · 재학습 { $relearning } · 보류 { $suspended }
stats-reviews = 복습 { $reviews }회 · 공부한 날 { $days }일 · 연속 학습 { $streak }일
stats-retention = 실제 기억 유지율 (복습 카드에 그날 처음 한 답, 다시 = 실패): 미숙 { $young } · 숙련 { $mature } · 전체 { $all }
stats-topics = 주제별:
stats-heatmap = 최근 { $weeks }주 복습 (· 0  ░ ▒ ▓ █ 많을수록 진함):
stats-heatmap-note = (가장 많은 날 { $max }회, 오른쪽 끝이 이번 주)
stats-forecast = 앞으로 30일 예정:
stats-forecast-total = 합계 { $total }장, 하루 최대 { $max }장 (오늘 { $today }장, 밀린 카드 포함)
