# synack exercise: the command's screens and errors.

exercise-error-unknown = unknown exercise { $name } (see `synack exercise list`)
exercise-error-bad-params = exercise { $template }: bad parameters { $params }: { $why }
exercise-correct = correct
exercise-not-correct = not correct: the answer is { $answer }
exercise-seed-line = { $name } (seed { $seed })
exercise-check-hint = check an answer: synack exercise { $name } --seed { $seed } --check "ANSWER"
exercise-list-check = --check needs a template's name, not `list`
