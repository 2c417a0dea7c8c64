# `synack doctor` (src/cli/doctor.rs, src/deck/doctor.rs). The JSON keeps
# each problem's reason as a code; these are its words on the screen.

doctor-line = { $path }:{ $line }: { $reason }: { $front } ({ $detail })
doctor-none = No card needs attention.
doctor-count = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
 }
doctor-reason-too-long = too long
doctor-reason-nothing-to-recall = nothing to recall
doctor-reason-open-question = open question
doctor-reason-near-duplicate = near-duplicate
doctor-reason-self-talk = self-talk
doctor-reason-demo-cannot-run = demo cannot run
doctor-detail-open-question = no answer in the notes yet
doctor-detail-self-talk = the front reads as thinking aloud, not a question
doctor-detail-too-long = { $lines } non-blank lines (more than { $max })
doctor-detail-images-only = image only
doctor-detail-links-only = links only
doctor-detail-images-and-links-only = images and links only
doctor-detail-unknown-demo = demo:{ $name } is not a demo (see `synack demo list`)
doctor-detail-near-duplicate = { $percent }% like { $path }:{ $line } in deck { $deck }
doctor-reason-parallel-list = parallel list
doctor-detail-parallel-list = { $count } named items ({ $terms }…): `<!-- synack: split -->` in the section makes a card of each
