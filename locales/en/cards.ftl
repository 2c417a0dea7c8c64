# synack cards, show, suspend, unsuspend (src/cli/cards.rs).

## synack cards
cards-none-match = No cards match.
cards-head-id = ID
cards-head-kind = KIND
cards-head-deck = DECK
cards-head-front = FRONT
cards-mark-missing = (not in notes)
cards-mark-suspended = (suspended)
cards-total = { $cards ->
        [one] 1 card
       *[other] { $cards } cards
    } in { $decks ->
        [one] 1 deck
       *[other] { $decks } decks
    }
cards-total-suspended = ({ $count } suspended)

## synack suspend / unsuspend
cards-no-such-cards = no card { $ids } (see `synack cards`); nothing changed
cards-none-match-unchanged = No cards match; nothing changed.
cards-suspended = { $count ->
        [one] 1 card
       *[other] { $count } cards
    } suspended
cards-already-suspended = { $count ->
        [one] 1 card
       *[other] { $count } cards
    } already suspended
cards-suspend-hint = `synack unsuspend ID…` brings a card back; `synack cards --suspended` lists them.
cards-unsuspended = { $count ->
        [one] 1 card
       *[other] { $count } cards
    } unsuspended
cards-not-suspended = { $count ->
        [one] 1 card
       *[other] { $count } cards
    } not suspended
cards-stay-out = { $count ->
        [one] 1 card stays out of study{ $ids }: its text is no longer in the notes; it comes back when an import finds it again
       *[other] { $count } cards stay out of study{ $ids }: their text is no longer in the notes; they come back when an import finds it again
    }

## --deck
cards-no-such-deck = no deck matches { $deck } (decks: { $decks })
cards-ambiguous-deck = deck { $deck } is ambiguous: { $decks }

## synack show
cards-label-source = source
cards-label-tags = tags
cards-label-status = status
cards-label-state = state
cards-label-due = due
cards-label-memory = memory
cards-status-missing = suspended, its text is no longer in the notes
cards-status-suspended = suspended
cards-state = { $state } · reps { $reps } · lapses { $lapses }
cards-memory = stability { $stability } · difficulty { $difficulty } · recall now { $recall }
cards-open-question = (no answer yet: an open question)
cards-earlier-wordings = Earlier wordings:
cards-until = until { $time }
cards-last-reviews = Last reviews:
cards-last-reviews-some = Last reviews ({ $shown } of { $total }):
cards-review-next = { $state } → next in { $interval }
cards-typed = typed:
cards-demo-by-topic = linked by topic
cards-demo-broken = card #{ $id }: its demo link { $link } does not run: { $why }
cards-no-demo = card #{ $id } has no demo (see `synack demo list` to run one directly)
cards-demo-out-of-range = card #{ $id } has { $count ->
        [one] 1 demo
       *[other] { $count } demos
    }; --demo takes { $which }, not { $n }

cards-no-images = This card's back has no images.
cards-image-opened = opened { $image }
cards-image-remote = not opened (not a file next to the note): { $image }
cards-image-missing = not found next to the note: { $image }
cards-viewer-cannot-run = cannot run the image viewer { $program } (set SYNACK_VIEWER)
cards-viewer-failed = the image viewer { $program } failed: { $status }
