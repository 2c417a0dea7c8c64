# Why the importer skipped a passage of a note (the import report's
# "skipped line N: …").

deck-skip-cloze-no-gap = `C:` cloze has no [gap]
deck-skip-no-answer = `::` card { $front } has no answer
deck-skip-date-alone = date line with no entry above it
deck-skip-after-last-date = listing text after the last date line
deck-skip-no-letters = card front { $front } has no letters or digits
deck-skip-same-front = same front as the card at line { $line }: { $front }
deck-skip-image-only = image only
deck-skip-links-only = links only
deck-skip-images-and-links-only = images and links only
