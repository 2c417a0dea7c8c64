# `synack import`: 보고서, 경고, 건너뛴 부분, 노트 파일 오류
# (src/cli/import.rs, src/import).

import-deck-empty = --deck: 덱 이름이 비어 있습니다
import-shipped-decks-notice = synack에 들어 있는 덱이 이 데이터베이스에 없습니다. `synack import --builtin`으로 추가합니다.
import-warning-line = synack: 경고: { $message }
import-nothing = 가져올 것이 없습니다: 파일 { $files }개가 지난 가져오기 뒤로 바뀌지 않았습니다 (카드 { $cards }장).
import-total = 합계: 파일 { $files }개 (파싱 { $parsed }개): { $counts }
import-skipped-total = { $count }곳을 건너뛰었습니다 (위 참고).
import-file-unchanged = { $path }  [{ $deck }]: 바뀌지 않아 다시 파싱하지 않음 (카드 { $count }장)
import-renamed = #{ $id } 질문 바뀜: { $from } → { $to }
import-skipped-line = { $line }번째 줄 건너뜀: { $reason }
import-count-added = 추가 { $count }
import-count-updated = 갱신 { $count }
import-count-renamed = 질문 바뀜 { $count }
import-count-unchanged = 그대로 { $count }
import-count-suspended = 보류 { $count }
import-count-restored = 되살림 { $count }
import-count-open = 열린 질문 { $count }
import-warning-lossy = { $path }:{ $line }: 올바르지 않은 UTF-8을 U+FFFD로 바꿨습니다 (처음 나온 열 { $column })
import-warning-unknown-demo = { $path }:{ $line }: demo: 링크의 데모 { $name }이(가) 없어 뺐습니다 (`synack demo list` 참고)
import-skipped-same-front = 덱 { $deck }의 다른 노트에 앞면이 같은 카드가 있습니다: { $front }

import-error-missing = { $path }: 그런 파일이나 폴더가 없습니다
import-error-no-notes = { $path }: 노트가 없습니다 (.md, .markdown, .txt 파일을 찾았습니다)
import-error-unreadable = { $path }: 읽을 수 없습니다: { $reason }
import-error-binary = { $path }: 노트가 아니라 바이너리 파일입니다 (오프셋 { $offset }에 NUL 바이트)
import-error-too-large = { $path }: { $size }바이트로 노트 한도 16 MiB를 넘습니다
import-error-not-regular = { $path }: 일반 파일이 아닙니다 ({ $kind }). 노트는 일반 파일에서만 읽습니다
import-error-name-not-utf8 = { $name }: 파일 이름이 올바른 UTF-8이 아닙니다. 이름을 바꿔 주세요 (synack은 노트 경로를 텍스트로 저장합니다)
import-error-not-utf8 = { $path }:{ $line }: 올바른 UTF-8이 아닙니다 (열 { $column }). 변환하거나 (예: iconv -f cp949 -t utf-8) --lossy를 주세요
import-kind-fifo = FIFO
import-kind-char-device = 문자 장치
import-kind-block-device = 블록 장치
import-kind-socket = 소켓
import-kind-symlink = 심볼릭 링크
import-kind-folder = 폴더
import-kind-other = 파일 아님
