# The study report: what `stats`, `report --format md` and
# `report --format html` share (src/export/report/).

report-title = synack study report
report-scope-all = all decks
report-scope-deck = deck { $deck }
report-scope-tag = tag { $tag }
report-scope-deck-tag = deck { $deck }, tag { $tag }
report-as-of = { $scope } · as of { $generated } (today: { $today })

## Overview
report-overview = Overview
report-item = Item
report-value = Value
report-cards = cards
report-new = new
report-learning = learning
report-review = review
report-relearning = relearning
report-suspended = suspended
report-reviews = reviews
report-study-days = study days
report-streak = streak
report-streak-days = streak (days)
report-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
report-retention-young = true retention, young
report-retention-mature = true retention, mature
report-retention-all = true retention, all
report-retention-note = True retention counts only the first answer of the day to a card in the review state (Again is a lapse; learning and relearning steps are left out). Mature: the interval before the review was { $days } days or more.

## Topics
report-topics = Topics
report-col-topic = topic
report-col-cards = cards
report-col-new = new
report-col-young = young
report-col-mature = mature
report-col-r = R
report-col-lapses = lapses
report-col-verdict = verdict
report-verdict-solid = solid
report-verdict-shaky = shaky
report-verdict-weak = weak
report-verdict-not-started = not started
report-verdict-note = Verdict: not started = no reviews yet; weak = mean R below { $weak }% or lapses per card ≥ { $weak_lapses }; shaky = R below { $shaky }% or lapses per card ≥ { $shaky_lapses }; solid otherwise.
report-not-started = not started: { $topics ->
    [one] 1 topic
   *[other] { $topics } topics
} ({ $cards ->
    [one] 1 card
   *[other] { $cards } cards
}, no reviews yet)

## Cards
report-weakest = Weakest cards
report-no-reviewed = No card has been reviewed yet.
report-col-id = #
report-col-card = card
report-col-stability = stability
report-col-source = source
report-stability-days = { $days }d
report-open-questions = Open questions
report-none = None.
report-col-question = question
report-col-reviews = reviews
report-typed = Answers typed in the last { $days } days
report-col-when = when
report-col-typed = typed
report-col-grade = grade
report-typed-more = and { $rest ->
    [one] 1 more answer
   *[other] { $rest } more answers
} (the last { $shown } are shown).
report-rating-again = again
report-rating-hard = hard
report-rating-good = good
report-rating-easy = easy

## Forecast
report-forecast = Due in the next 30 days
report-col-date = date
report-col-due = due

## Exam date (exam_date, issue 30 §3)
report-exam-title = Predicted recall on { $date }: { $recall }
report-exam-heading = Exam date: { $date }
report-exam-recall = predicted recall on { $date }
report-exam-topics = By topic, weakest first
report-exam-col-recall = predicted recall
report-exam-more = { $count ->
    [one] 1 more topic
   *[other] { $count } more topics
}
report-exam-plan = Studying N cards a day until then (toward the date, simulated)
report-exam-col-per-day = cards a day
report-exam-col-plan-recall = predicted recall on the day
report-exam-plan-item = { $per_day }/day → { $recall }
report-exam-note = Predicted recall: the mean FSRS probability of recalling each card on the date (a card never studied counts as 0).

## Charts (HTML)
report-charts = Charts
report-no-data = no data yet
report-chart-calendar = Review calendar
report-chart-states = Card states
report-chart-per-day = Reviews per day, last { $days } days
report-chart-forecast = Due in the next 30 days
report-chart-retention = True retention by week
report-chart-buttons = Answer buttons by card state
report-chart-hours = Reviews by hour of day
report-chart-interval = Interval (days)
report-chart-stability = Stability (days)
report-chart-difficulty = Difficulty (1–10)
report-chart-retrievability = Retrievability now
report-axis-day = day (MM-DD)
report-axis-reviews = reviews
report-axis-cards-due = cards due
report-axis-week = week from (MM-DD)
report-axis-passed = passed
report-axis-state-before = card state before the review
report-axis-answers = answers
report-axis-hour = hour of day (local time)
report-axis-interval = interval the last review set
report-axis-stability = stability (days)
report-axis-difficulty = difficulty (1 easy, 10 hard)
report-axis-retrievability = probability of recall now
report-axis-cards = cards
report-series-due = due
report-series-passed = passed
report-series-cards = cards
report-desired = desired { $percent }%
report-state-passed = { $percent }% passed
report-state-young = young
report-state-mature = mature
report-calendar-legend = reviews:
report-calendar-day = { $date }: { $reviews }
report-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
# Two letters: the terminal heatmap gives each weekday two columns.
report-weekday = { $day ->
    [0] Mo
    [1] Tu
    [2] We
    [3] Th
    [4] Fr
    [5] Sa
   *[6] Su
}

## `report --until DATE`
report-opt-until = Also show the predicted recall on DATE (YYYY-MM-DD), overall, per topic and with N cards a day studied toward it, as `due --until` does (default: the exam_date setting)
report-until-bad = --until { $date }: not a date (expected YYYY-MM-DD, such as 2027-01-15)
report-until-past = --until { $date }: the date is not after today
