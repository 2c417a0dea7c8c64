# Help texts of the command line (src/cli/*.rs, sim::Common): about and
# long about of each command, help of each argument and value.

cli-about = synack: flashcards for networking interviews, from your own Markdown notes
cli-db = Database file [default: $SYNACK_DB, else the platform data folder]
cli-color = When to colour output
cli-width = Lay text out for N columns [default: the terminal's width, else $COLUMNS, else 80]
cli-color-auto = Colour when writing to a terminal and NO_COLOR is not set
cli-quiz-about = Today's quiz: recall, reveal, grade; stop any time, nothing is lost
cli-import-about = Import Markdown or text notes into the deck (files or folders, recursively)
cli-cards-about = List cards
cli-show-about = Show one card: front, back, source and tags
cli-suspend-about = Take cards out of study until `synack unsuspend` brings them back
cli-unsuspend-about = Bring suspended cards back into study
cli-answer-about = Record an answer to a card now (what a quiz does for each card; scriptable)
cli-simulate-about = What-if for one card: FSRS memory and intervals after a list of reviews
cli-config-about = Show or change the scheduling settings (retention, steps, limits, …)
cli-due-about = Today's counts (new, learning, review) and the due forecast for 30 days
cli-demo-about = Run a protocol demo (TCP, IP, DNS, TLS, HTTP…); `demo list` shows them
cli-exercise-about = Questions the demos write and grade: list, ask one (--seed), or --check an answer
cli-export-about = Write the database as a JSON backup, CSV, an Anki import file or an FSRS review log
cli-restore-about = Load a JSON backup into an empty database, or merge it with --merge
cli-stats-about = Study statistics: retention, streak, topics, a review heatmap and the forecast
cli-report-about = Write a study report as Markdown or a self-contained HTML file
cli-optimize-about = Fit the FSRS-6 parameters to your own review log (asks before saving)
cli-doctor-about = Cards that need their author's attention, with FILE:LINE and the reason
cli-import-paths = Note files or folders (.md, .markdown, .txt are read from folders)
cli-import-builtin = Also import the decks that ship with synack
cli-import-json = Print the report as JSON
cli-import-lossy = Decode files that are not valid UTF-8 anyway, replacing bad bytes with U+FFFD
cli-import-cloze-bold = Make each bold term in a list item a cloze card (as front matter `cloze: bold`)
cli-import-deck = Put every imported note in deck NAME (over its front matter `deck:` and `#` title)
cli-cards-deck = Only this deck (exact name, or a unique part of it)
cli-cards-tag = Only cards with this tag
cli-cards-search = Only cards whose front or back contains TEXT
cli-cards-suspended = Only cards out of study: suspended, or no longer in the notes
cli-cards-format = Output format
cli-show-id = The card's id (see `synack cards`)
cli-show-format = Output format
cli-show-demo = Run the card's demo N (as numbered under the card; default 1) after it
cli-quiz-deck = Only this deck (exact name, or a unique part of it)
cli-quiz-tag = Only cards with this tag
cli-quiz-new = New cards for this session, in place of what today's limits leave
cli-quiz-limit = Reviews for this session, in place of what today's limits leave (with --cram: cards to cram) [cram default: 50]
cli-quiz-cram = Study cards that are not due, least likely recalled first, without changing their schedule
cli-quiz-until = Study toward DATE (YYYY-MM-DD) for this session, in place of the exam_date setting: reviews ordered by predicted recall on that day, cards likely forgotten by then pulled forward
cli-quiz-interview = Interview mode, for questions answered aloud: the front and a timer, then the back's key points to mark as covered (`1 3`, `all`, `none`); the share covered proposes the grade (under 50% again, under 75% hard, short of all good, all easy; Enter takes it); follow-up questions (the card's sub-headings, `follow-up:` lines) come next
cli-quiz-format = Output: text for people, json for one event object per line
cli-answer-id = The card's id (see `synack cards`)
cli-answer-rating = again, hard, good or easy (or 1-4)
cli-answer-typed = What you typed as your answer, kept with the review
cli-answer-seconds = Seconds you spent on the card
cli-answer-format = Output format
cli-simulate-reviews = Reviews as DAYS:RATING items, e.g. "0:good 3:good 8:again 9:good"
cli-simulate-retention = Desired retention for this run (0.70-0.97) [default: the configured one]
cli-simulate-format = Output format
cli-config-get-about = Print one setting
cli-config-get-deck = A deck's own value of new_per_day or reviews_per_day
cli-config-set-about = Change one setting
cli-config-set-deck = Set the limit of this deck only (new_per_day, reviews_per_day)
cli-config-unset-about = Go back to the default (or, with --deck, to the global limit)
cli-config-key = The setting's name (`synack config` lists them)
cli-config-value = The new value
cli-config-unset-deck = Remove this deck's own limit
cli-due-deck = Only this deck (exact name, or a unique part of it)
cli-due-until = Instead: the predicted recall on DATE (YYYY-MM-DD), overall and per topic, and with N cards a day studied toward it (a seeded FSRS simulation)
cli-due-format = Output format
cli-stats-deck = Only this deck (exact name, or a unique part of it)
cli-stats-tag = Only cards with this tag
cli-stats-format = Output format
cli-report-format-md = Markdown with tables
cli-report-format-html = One self-contained HTML file with charts
cli-report-format = md or html
cli-report-out = Write to this file instead of standard output
cli-report-force = Overwrite --out if it exists
cli-report-deck = Only this deck (exact name, or a unique part of it)
cli-report-tag = Only cards with this tag
cli-optimize-yes = Save the fitted parameters without asking
cli-export-format = What to write
cli-export-out = Write to this file instead of stdout
cli-export-deck = Only this deck (exact name, or a unique part of it)
cli-export-tag = Only cards with this tag
cli-export-force = Overwrite --out if it exists
cli-restore-file = The backup file (from `synack export --format json`)
cli-restore-merge = Add what is missing to a database that already has data
cli-doctor-format = Output format
cli-exercise-name = `list`, or a template's name (e.g. handshake/next-state)
cli-exercise-seed = Seed for the parameters: the same seed gives the same question
cli-exercise-check = Check ANSWER against the model's answer instead of asking
cli-exercise-format = Output format
cli-suspend-ids = Card ids (see `synack cards`)
cli-suspend-deck = Every card of this deck (exact name, or a unique part of it)
cli-suspend-tag = Every card with this tag
cli-suspend-search = Every card whose front or back contains TEXT
cli-suspend-leeches = Every card tagged `leech` (lapsed leech_threshold times)
cli-demo-argv = `list`, or a demo's name followed by its options
cli-demo-list-format = Output format
cli-demo-common-seed = Seed for every random choice (ISNs, ports), so runs repeat exactly
cli-demo-common-format = Output format
cli-demo-common-step = Wait for Enter between steps (only on a terminal)
cli-demo-format-text = What a person reads: diagrams, tables, explanations
cli-demo-format-json = One JSON document with the same facts, for tools and tests

cli-quiz-long-about =
    Walks today's queue: learning cards that are due, then reviews (most overdue
    first) with new cards spread among them, within the daily limits.

    For each card: read the front, type your answer (or just press Enter), see the
    reference answer, then grade yourself: 1 again · 2 hard · 3 good · 4 easy. The
    grade prompt shows when each grade would bring the card back. Every grade is
    saved before the next card appears, so you can stop at any moment (Ctrl-C,
    Ctrl-D or :quit) and run `synack quiz` again to go on.

    Commands at either prompt (Tab completes them):
      :demo [N]  run the card's protocol demo     :show     source, tags, memory
      :skip      leave this card for now           :bury     hide it until tomorrow
      :suspend   take it out of the queue          :undo     take back the last grade
      :edit      open its note in $EDITOR, re-import it afterwards
      :stats     this session so far               :help     this list
      :quit      end the session

    Without a terminal (a pipe or a file on stdin), each card reads two lines: the
    answer (may be empty), then the grade; lines starting with `:` are commands.
    --format json writes one JSON object per event and line, for tools.
cli-import-long-about =
    Import Markdown or text notes into the deck.

    Folders are read recursively for .md, .markdown and .txt files (hidden folders
    such as .git and .obsidian are skipped). Cards come from:
      - headings phrased as questions (`## Why does TCP need a handshake?`, `Explain …`): the
        back is everything under the heading;
      - other headings with text of their own: the front is the heading path
        (`Networking › OSI model › Physical layer`);
      - `Q: … / A: …` pairs, `question :: answer` lines, Obsidian `?` blocks, and a
        question paragraph or block quote followed by its answer;
      - lists of questions with no answer (open cards, to answer in a quiz);
      - plain-text listings of title, summary and a `Category YYYY.MM.DD` line;
      - clozes: `{"{{"}c1::answer::hint{"}}"}` (one card per number), `==highlight==`, and
        hashcards' `C:` paragraphs with `[gaps]`; with --cloze-bold (or front
        matter `cloze: bold`) each bold term in a list item.

    Re-importing is safe: a card keeps its id, schedule and history while its deck
    and front stay the same; a reworded question is matched to its old card; a card
    whose text left the notes is suspended, not deleted. Unchanged files are not
    parsed again. The whole import is one transaction.
cli-suspend-long-about =
    Take cards out of study: a suspended card is never shown in a quiz or counted
    as due, and keeps its schedule and history. `synack unsuspend` brings it back.

    Name the cards by id (see `synack cards`), or select them with --deck, --tag,
    --search and --leeches (together: cards matching all of them). An id that names
    no card is an error and nothing is changed.

    Examples:
      synack suspend 12 40
      synack suspend --deck http --search cookie
      synack cards --suspended
cli-unsuspend-long-about =
    Bring suspended cards back into study (suspended with `synack suspend`, `:suspend`
    in a quiz, or as leeches when leech_suspend is on), with the schedule they had.

    Name the cards by id (see `synack cards --suspended`), or select them with
    --deck, --tag, --search and --leeches (together: cards matching all of them).
    An id that names no card is an error and nothing is changed.

    A card whose text left the notes is out of study for that reason, not because it
    was suspended: unsuspending it does not bring it back (it would have nothing to
    show). It returns to study when an import finds its text again, unsuspended.

    Examples:
      synack unsuspend 12
      synack unsuspend --leeches --deck tcp
cli-simulate-long-about =
    What-if for one card: the FSRS memory state after each review and the interval
    that would follow, using pure FSRS steps (no learning steps, no fuzz) with the
    configured parameters and desired retention. This answers "why is this card due
    in 40 days?".

    Each item of --reviews is DAYS:RATING, the days since the previous review and
    the rating (again|hard|good|easy or 1-4); the first item's days are ignored.

    Example: synack simulate --reviews "0:good 3:good 8:again 9:good"
cli-demo-after-help =
    Demos:
      synack demo list                     every demo, what it shows, its topics
      synack demo handshake --scenario close
      synack demo arq --compare --drop 3
      synack demo congestion --algorithm reno --loss-at 8 --loss dupack
      synack demo tls --fail wrong-host
      synack demo cors --method PUT

    `synack demo NAME --help` lists a demo's options. Every demo takes --seed N
    (same seed, same output), --format text|json and --step (one step at a
    time: Enter for the next, q to stop).
cli-exercise-long-about =
    Questions the simulator writes and grades. Each template belongs to a demo and
    draws fresh parameters from --seed; the demo's own model gives the answer and
    checks yours (case, spaces, separators and Korean words are normalised:
    SYN,ACK = SYN+ACK = SYN-ACK; a Korean yes or no counts as yes or no).
cli-exercise-after-help =
    Examples:
      synack exercise list
      synack exercise handshake/next-state --seed 7
      synack exercise handshake/next-state --seed 7 --check "CLOSE-WAIT, ACK"
      synack exercise uri/same-origin --seed 3 --format json

    Exit status: 0 when the answer was checked (right or wrong), 1 for an unknown
    template, 2 for bad options.
cli-export-long-about =
    Write the database in another format, to stdout or to --out.

      json    a full backup (cards, schedules, reviews, sessions, settings) for `synack restore`,
              one record per line
      csv     one row per card for spreadsheets (UTF-8, RFC 4180)
      anki    a text file for Anki's File > Import (notes update on a second import)
      revlog  the review log in the FSRS optimizer's CSV schema

    --deck and --tag keep only some cards (and their reviews); a json export made
    with them is marked partial and can only be restored with --merge.
cli-restore-long-about =
    Load a JSON backup written by `synack export --format json`.

    Into an empty database (e.g. a new file given with --db) it restores everything
    with the same ids, in one transaction. A database that already has data is left
    alone unless --merge is given; --merge adds the notes, cards, sessions and
    reviews it lacks, and takes a card's schedule from the backup only when the
    backup reviewed that card more recently.
cli-doctor-long-about =
    List the cards that need their author's attention, each as FILE:LINE, the
    reason and the card's front:
      - too long: a back of more than 15 non-blank lines (one table or one code
        block excepted);
      - nothing to recall: a back of only images, links or references;
      - open question: a question with no answer in the notes yet;
      - near-duplicate: a card at least 85% like one in another deck;
      - self-talk: a front that reads as thinking aloud, not a question;
      - demo cannot run: a demo: link to a demo synack does not have.
    Suspended cards and cards no longer in the notes are left out. Nothing is
    changed; `:edit` in a quiz opens the note at the card's line.
cli-after-help =
    Environment:
      SYNACK_DB    database file, when --db is not given
      SYNACK_NOW   RFC 3339 timestamp used instead of the clock (e.g. 2026-11-21T09:00:00+09:00)
      NO_COLOR     set to turn colour off
      COLUMNS      width to lay text out for when not on a terminal (--width overrides it)

    The database lives at $XDG_DATA_HOME/synack/synack.db (~/.local/share/synack/synack.db)
    unless --db or SYNACK_DB say otherwise. On first use it is filled with the shipped decks.
cli-config-set-after-help =
    Examples:
      synack config set desired_retention 0.85
      synack config set learning_steps "1m 10m 1h"
      synack config set new_per_day 5 --deck http   # at most 5 new HTTP cards a day

    A deck's limit applies together with the global one: with new_per_day 20 and
    new_per_day 5 for one deck, a day has at most 20 new cards, 5 of them from it.
cli-demo-list-about =
    List the demos
cli-show-open-images = Open the images of the card's back that are files next to its note, with $SYNACK_VIEWER or the system viewer
