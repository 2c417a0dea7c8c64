# `synack optimize`: FSRS-6 parameters fitted to the review log
# (src/cli/stats.rs, src/schedule/optimize.rs).

optimize-not-enough = not enough reviews to fit parameters: need at least { $need } reviews made a day or more after the card's previous review; you have { $have } (from { $cards ->
    [one] 1 card
   *[other] { $cards } cards
})
optimize-nothing-left = not enough reviews to fit parameters: FSRS sets aside groups of fewer than 20 cards with the same first rating and the same days to the second review, and too little of your { $have } reviews (from { $cards ->
    [one] 1 card
   *[other] { $cards } cards
}) was left, so it kept its defaults
optimize-fsrs = FSRS: { $message }
optimize-panicked = FSRS failed while { $doing } (an internal error of the fsrs crate: { $message })
optimize-doing-fit = fitting the parameters
optimize-doing-evaluate = evaluating the parameters
optimize-no-message = no message
optimize-malformed = training item { $item } is malformed: { $reviews }
optimize-defaults-kept = FSRS-6's default parameters stay in use for now. Run it again when more reviews have built up.
optimize-fitted = Fitted FSRS-6 parameters to { $reviews ->
    [one] 1 review
   *[other] { $reviews } reviews
} ({ $long_term } made a day or more after the card's previous one, from { $cards ->
    [one] 1 card
   *[other] { $cards } cards
}).
optimize-current = current
optimize-new = fitted
optimize-parameters = fitted parameters: { $parameters }
optimize-ask = Save them? [y/N]
optimize-not-a-terminal = Not saved (not a terminal). To save them: synack optimize --yes
optimize-rejected = the fitted parameters were rejected
optimize-saved = Saved: parameters = { $value }
optimize-not-saved = Not saved.
