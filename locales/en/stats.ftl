# `synack stats`: the report for a terminal (src/export/report/text.rs).

stats-header = synack stats — { $scope } · { $generated }
stats-cards = { $cards ->
    [one] 1 card
   *[other] { $cards } cards
}: new { $new } · learning { $learning } · review { $review } · relearning { $relearning } · suspended { $suspended }
stats-reviews = { $reviews ->
    [one] 1 review
   *[other] { $reviews } reviews
} · { $days ->
    [one] 1 study day
   *[other] { $days } study days
} · streak { $streak ->
    [one] 1 day
   *[other] { $streak } days
}
stats-retention = True retention (first answer of the day to review cards, Again = lapse): young { $young } · mature { $mature } · all { $all }
stats-topics = Topics:
stats-heatmap = Reviews in the last { $weeks } weeks (· 0  ░ ▒ ▓ █ darker = more):
stats-heatmap-note = (busiest day { $max ->
    [one] 1 review
   *[other] { $max } reviews
}, this week on the right)
stats-forecast = Due in the next 30 days:
stats-forecast-total = total { $total }, at most { $max } a day (today { $today }, overdue cards included)
