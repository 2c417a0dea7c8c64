# `synack import`: the report, its warnings and skipped passages, and the
# errors of note files (src/cli/import.rs, src/import).

import-deck-empty = --deck: the deck name is empty
import-shipped-decks-notice = The decks that ship with synack are not in this database; add them with `synack import --builtin`.
import-warning-line = synack: warning: { $message }
import-nothing = Nothing to import: { $files ->
    [one] { $files } file is
   *[other] { $files } files are
 } unchanged since the last import ({ $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
 }).
import-total = Total: { $files ->
    [one] { $files } file
   *[other] { $files } files
 } ({ $parsed } parsed): { $counts }
import-skipped-total = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
 } skipped (see above).
import-file-unchanged = { $path }  [{ $deck }]: unchanged, not re-parsed ({ $count ->
    [one] { $count } card
   *[other] { $count } cards
 })
import-renamed = renamed #{ $id }: { $from } → { $to }
import-skipped-line = skipped line { $line }: { $reason }
import-count-added = { $count } added
import-count-updated = { $count } updated
import-count-renamed = { $count } renamed
import-count-unchanged = { $count } unchanged
import-count-suspended = { $count } suspended
import-count-restored = { $count } restored
import-count-open = { $count } open
import-warning-lossy = { $path }:{ $line }: invalid UTF-8 replaced with U+FFFD (first at column { $column })
import-warning-unknown-demo = { $path }:{ $line }: unknown demo { $name } in a demo: link, left out (see `synack demo list`)
import-skipped-same-front = same front as a card in another note of deck { $deck }: { $front }

import-error-missing = { $path }: no such file or folder
import-error-no-notes = { $path }: no notes found (looked for .md, .markdown and .txt files)
import-error-unreadable = { $path }: cannot read: { $reason }
import-error-binary = { $path }: binary file (NUL byte at offset { $offset }), not a note
import-error-too-large = { $path }: { $size } bytes is over the 16 MiB limit for a note
import-error-not-regular = { $path }: not a regular file ({ $kind }); notes are read only from regular files
import-error-name-not-utf8 = { $name }: the file name is not valid UTF-8; rename it (synack stores note paths as text)
import-error-not-utf8 = { $path }:{ $line }: not valid UTF-8 (column { $column }); convert it (e.g. iconv -f cp949 -t utf-8) or pass --lossy
import-kind-fifo = a FIFO
import-kind-char-device = a character device
import-kind-block-device = a block device
import-kind-socket = a socket
import-kind-symlink = a symbolic link
import-kind-folder = a folder
import-kind-other = not a file
