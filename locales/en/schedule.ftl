# Scheduling (src/schedule) and its commands: answer, simulate, config, due (src/cli/schedule.rs).

## Grade and state names for people (JSON keeps again/hard/good/easy and new/learning/review/relearning)
schedule-rating-again = again
schedule-rating-hard = hard
schedule-rating-good = good
schedule-rating-easy = easy
schedule-phase-new = new
schedule-phase-learning = learning
schedule-phase-review = review
schedule-phase-relearning = relearning
schedule-bad-rating = { $value } is not a rating (again, hard, good, easy, or 1-4)
schedule-bad-phase = unknown card state { $value }

## Settings the scheduler cannot work with
schedule-error-retention = desired retention { $value } is outside 0.70–0.97
schedule-error-max-interval = maximum interval must be at least 1 day
schedule-error-rollover = rollover hour { $value } is not an hour of the day (0–23)
schedule-error-parameters = FSRS parameters rejected: { $why }
schedule-error-fsrs = FSRS could not compute the next state: { $why }

## synack config: what each key means
schedule-key-desired-retention = probability of recall to aim for, 0.70–0.97 (default 0.9)
schedule-key-max-interval = longest interval in days (default 36500)
schedule-key-learning-steps = steps for new cards, e.g. "1m 10m" (may be empty)
schedule-key-relearning-steps = steps after a lapse, e.g. "10m" (may be empty)
schedule-key-new-per-day = new cards per study day (default 20)
schedule-key-reviews-per-day = reviews per study day (default 200)
schedule-key-rollover-hour = local hour at which a study day starts (default 4)
schedule-key-fuzz = spread intervals a little, as Anki does (true/false)
schedule-key-leech-threshold = lapses that make a card a leech (default 8)
schedule-key-leech-suspend = suspend leeches as well as tagging them (true/false)
schedule-key-parameters = the 21 FSRS-6 parameters, comma-separated (default: FSRS-6's)
schedule-key-exam-date = study toward this day, YYYY-MM-DD ("" or unset: the normal schedule)

## synack config: errors
schedule-unknown-key = unknown setting { $key } (see `synack config`)
schedule-not-per-deck = { $key } cannot be set per deck; only new_per_day and reviews_per_day can
schedule-bad-value = { $key }: { $value } is not valid: { $why }
schedule-want-retention = expected a number such as 0.9
schedule-want-retention-range = must be between 0.70 and 0.97
schedule-want-hour = must be an hour from 0 to 23
schedule-want-date = expected a date such as 2027-01-15
schedule-want-parameters = expected 21 comma-separated numbers
schedule-want-whole = expected a whole number
schedule-want-positive = must be at least 1
schedule-want-bool = expected true or false
schedule-bad-step = { $step } is not a step like 10m
schedule-bad-step-unit = { $step }: unit must be s, m, h or d
schedule-step-too-short = { $step }: a step must be at least a minute
schedule-stored-unknown = the stored setting { $key } = { $value } is not one this synack knows; remove it with `synack config unset { $key }`
schedule-stored-invalid = the stored setting { $key } = { $value } is invalid ({ $why }); fix it with `synack config set { $key } VALUE` or `synack config unset { $key }`
schedule-warning = warning: { $text }

## synack config: listing and changes
schedule-deck-limits = Deck limits (with the global ones):
schedule-unset-removed = { $key } removed
schedule-unset-follows = { $key } follows { $name } = { $value }
schedule-unset-default = { $key } = { $value } (default)
schedule-unset-unknown = { $key } removed (not a setting of this synack)

## synack answer
schedule-no-card = card { $id } not found (see `synack cards`)
schedule-answered = #{ $id } { $front }: { $rating } → { $state }, due in { $interval }
schedule-answered-leech = (now a leech)

## synack simulate
schedule-simulate-retention = desired retention { $retention }
schedule-simulate-days = days
schedule-simulate-rating = rating
schedule-simulate-stability = stability
schedule-simulate-difficulty = difficulty
schedule-simulate-retrievability = retrievability
schedule-simulate-next = next
schedule-simulate-days-value = { $n }d
schedule-reviews-empty = --reviews is empty; give items like "0:good 3:again"
schedule-reviews-item = expected DAYS:RATING, e.g. 3:good
schedule-reviews-days = { $days } is not a whole number of days

## Dates
schedule-not-a-date = { $date } is not a date (YYYY-MM-DD)
schedule-bad-offset = the local UTC offset is out of range
schedule-no-midnight = { $date } has no midnight here
schedule-exam-date-setting = the exam_date setting

## synack due
schedule-due-today = Today: { $new } new · { $learning } learning · { $review } review
schedule-due-forecast = Due in the next { $days } days:
schedule-until-recall = Predicted recall on { $date }: { $recall }
schedule-until-by-topic = By topic:
schedule-until-plan = Studying toward the date (cards a day → recall on the day):
schedule-until-per-day = { $count }/day
