# synack quiz: the session (src/quiz) and its terminal adapter (src/cli/quiz.rs).

## Commands at either prompt (:help, tab completion)
quiz-cmd-demo = run the card's demo (`:demo 2` for the second)
quiz-cmd-show = source file and line, tags, memory state, demos
quiz-cmd-skip = leave this card for now (it stays due)
quiz-cmd-bury = hide this card until tomorrow
quiz-cmd-suspend = take this card out of the queue until `synack unsuspend ID`
quiz-cmd-undo = take back the last grade; the card comes back
quiz-cmd-edit = open the card's note in $EDITOR at its line, then re-import it
quiz-cmd-stats = this session so far and what is left
quiz-cmd-help = this list
quiz-cmd-quit = end the session (Ctrl-C and Ctrl-D do too); grades are saved
quiz-help-grades = grades
quiz-help-grades-about = 1 { $again } · 2 { $hard } · 3 { $good } · 4 { $easy } (or a, h, g, e); Enter is { $good }

## Prompts (a blank follows each)
quiz-prompt-answer = answer ›
quiz-prompt-grade = grade (Enter = { $enter }) ›
quiz-prompt-covered = covered ›

## Session messages
quiz-not-a-grade = { $line } is not a grade: type 1-4 or again, hard, good, easy (a, h, g, e), or Enter for good; :help lists the commands
quiz-answered-elsewhere = #{ $id } was answered in another session while it was on screen here: { $rating } was not saved, and the card is skipped
quiz-answered-elsewhere-short = answered in another session
quiz-not-a-command = :{ $name } is not a command; :help lists them
quiz-no-card = no card on screen
quiz-buried = #{ $id } buried until tomorrow
quiz-suspended = #{ $id } suspended (`synack unsuspend { $id }` brings it back)
quiz-skipped = #{ $id } skipped; it stays due
quiz-nothing-to-undo = nothing to undo in this session
quiz-undone = took back { $rating } on #{ $id }; it is shown again
quiz-demo-one = { $arg }: this exercise has one demo
quiz-demo-none = this card has no demo (`synack demo list` shows them all)
quiz-demo-several = this card has several demos:
quiz-demo-pick = { $arg }: pick a demo from 1 to { $count }
quiz-edit-not-a-note = { $path } is not the path of a note file; not opened
quiz-edit-opening = opening { $path }:{ $line }
quiz-edit-shipped = this card comes from a deck shipped inside synack; copy the deck into your notes and import it to edit it
quiz-new-limit = today's new cards were all introduced (another session took some); no more new cards in this one
quiz-no-state = card { $id } has no scheduling state
quiz-not-saved = not saved, try again: { $why }
quiz-minutes = { $m }m { $s }s

## :show
quiz-show-source = source:  { $place }
quiz-show-tags = tags:    { $tags }
quiz-show-state = state:   { $state } · reps { $reps } · lapses { $lapses }
quiz-show-due = due:     { $due }
quiz-show-memory = memory:  stability { $stability }d · difficulty { $difficulty } · recall now { $recall }
quiz-show-demo = demo { $n }:  { $label }

## :stats
quiz-stats-session = this session: { $seen } seen · { $graded } graded (again { $again } · hard { $hard } · good { $good } · easy { $easy }) · { $learned } new learned · { $time }
quiz-stats-left = left: { $new } new · { $learn } learning · { $due } due

## Interview mode
quiz-marks-empty = mark the points you covered: numbers from 1 to { $total } (e.g. 1 3), all, or none
quiz-marks-bad = { $item } is not a point: type numbers from 1 to { $total }, all, or none
quiz-timer = ⏱ { $seconds }s
quiz-which-covered = Which did you cover? (e.g. 1 3, all, none)
quiz-covered = covered { $covered }/{ $total } ({ $percent }%)
quiz-follow-up-ahead = (a follow-up, not due: the schedule stays as it is unless you grade it)
quiz-spoken-follow-up = Follow-up (answer aloud): { $question }
quiz-spoken-prompt = answered? (y/n) ›
quiz-spoken-yes-no = type y if you could answer it, n if not (Enter is y)
quiz-spoken-answered = answered
quiz-spoken-not-answered = not answered

quiz-skipped-ahead = #{ $id } skipped; its schedule is unchanged
quiz-summary-follow-ups = follow-ups
quiz-summary-follow-ups-value = { $answered }/{ $asked } answered

## The screen
quiz-card-counts = [{ $index }/{ $total }]  new { $new } · learn { $learn } · due { $due }
quiz-card-demo = (▶ :demo runs this card's demo)
quiz-open-question = (an open question: no answer written yet)
quiz-your-answer = your answer:
quiz-key-terms = key terms { $found }/{ $total } ({ $percent }%)
quiz-key-terms-missing = missing: { $terms }
quiz-correct = ✓ correct
quiz-not-correct = ✗ not correct
quiz-enter-grades = Enter grades { $n } ({ $rating })
quiz-cram-note = (cram: the schedule stays as it is)
quiz-answered-elsewhere-note = (answered in another session since it was shown: recomputed from its new state)
quiz-schedule-unchanged = schedule unchanged
quiz-next-in = next in { $interval }
quiz-now-a-leech = now a leech (forgotten often; consider rewriting it)

## The summary
quiz-summary-title = Session over
quiz-summary-title-cram = Session over (cram)
quiz-summary-reviewed = reviewed
quiz-summary-again-rate = again rate
quiz-summary-new-learned = new learned
quiz-summary-time = time
quiz-summary-next-due = next due
quiz-summary-now = now
quiz-summary-nothing-left = Nothing more to study today.
quiz-summary-left = { $count ->
        [one] 1 card
       *[other] { $count } cards
    } left for today: `synack quiz` goes on from here.

## Errors
quiz-no-such-tag = no card has the tag { $tag } (see the tags in `synack cards --format json`)
quiz-until-not-after-today = --until { $date }: the date is not after today
quiz-until-and-cram = --until does not apply to --cram (cramming leaves the schedule alone)
quiz-new-and-cram = --new does not apply to --cram (it studies cards already learned)
quiz-no-prompt = cannot set up the terminal prompt
quiz-script-gave-up = { $why } (tried { $tries } times; stopping the scripted session, whose next lines would be read at the wrong prompt)
quiz-terminal-gone = the terminal stopped answering ({ $why }); ending the session
quiz-reading-stdin = reading stdin
quiz-editor-empty = $EDITOR is empty
quiz-edit-moved = { $path }: card #{ $id } no longer comes from this note; not opened
quiz-edit-refused = { $path }: { $why }; not opened
quiz-editor-cannot-run = cannot run the editor { $program } (set $EDITOR)
quiz-editor-failed = the editor { $program } exited with { $status }; nothing re-imported
quiz-reimported = re-imported { $path }: { $added } added · { $updated } updated · { $unchanged } unchanged
quiz-note-not-absolute = not an absolute path, as an import records a note
quiz-note-not-a-note = not a note file (.{ $extensions })
quiz-note-gone = the note is no longer there
quiz-note-unreadable = cannot read it: { $why }
quiz-note-a-link = a link, not the file that was imported
quiz-note-not-a-file = not a regular file
quiz-note-through-a-link = it leads to { $real } through a link, not the file that was imported
