# `synack export`와 `synack restore` (src/cli/export.rs, src/export):
# 메시지와 백업을 복원할 수 없는 이유.

export-cannot-read = { $path }을(를) 읽을 수 없습니다
export-partial-needs-merge = { $path }은(는) 부분 백업입니다 (--deck이나 --tag로 만듦). --merge로 더해 주세요
export-cannot-merge = { $path }을(를) 병합할 수 없습니다
export-cannot-restore = { $path }을(를) 복원할 수 없습니다
export-not-empty = { $path }에 이미 데이터가 있습니다. --db로 새 데이터베이스에 복원하거나, 없는 것만 더하려면 --merge를 주세요
export-merged = { $path }에서 병합했습니다: 카드 { $cards }장, 복습 { $reviews }건, 세션 { $sessions }개, 노트 파일 { $sources }개 추가, 스케줄 { $states }개 갱신
export-restored = { $path }을(를) { $db }에 복원했습니다: 카드 { $cards }장, 복습 { $reviews }건, 세션 { $sessions }개, 노트 파일 { $sources }개
export-error-not-json = JSON이 아닙니다: { $reason }
export-error-not-a-backup = synack 백업이 아닙니다 ("synack_backup" 필드 없음)
export-error-format-version = 백업 형식 버전 { $found }은(는) 이 synack이 읽는 버전({ $supported })이 아닙니다. synack을 업그레이드해 주세요
export-error-newer-schema = 백업의 스키마 버전 { $found }이(가) 이 synack이 아는 버전({ $supported })보다 새롭습니다. synack을 업그레이드해 주세요
export-error-invalid = 잘못된 백업입니다: { $reason }

# 백업이 잘못된 이유 ("잘못된 백업입니다: " 뒤). 레코드는 `카드 3`,
# `복습 12`처럼 부릅니다.
export-record-card = 카드 { $id }
export-record-review = 복습 { $id }
export-record-session = 세션 { $id }
export-kind-source = 노트 파일
export-kind-session = 세션
export-kind-card = 카드
export-kind-review = 복습
export-kind-revision = 이전 문구
export-bad-id-twice = { $what } id { $id }이(가) 두 번 나옵니다
export-bad-path-twice = 노트 파일 { $id }: 경로 { $path }이(가) 두 번 나옵니다
export-bad-source = 노트 파일 { $id }: { $why }
export-bad-negative = { $record }: { $field } 값 { $value }이(가) 음수입니다
export-bad-key-twice = { $record }: 덱 { $deck }에 키 { $key }이(가) 두 번 있습니다
export-bad-kind = { $record }: 종류 { $kind }은(는) { $kinds } 중 하나가 아닙니다
export-bad-tag-twice = { $record }: 태그 { $tag }이(가) 두 번 나옵니다
export-bad-missing-source = { $record }: 노트 파일 { $id }이(가) 백업에 없습니다
export-bad-rating = { $record }: 평가 { $rating }이(가) 1에서 4 사이가 아닙니다
export-bad-days = { $record }: { $field } 값 { $value }은(는) 날수가 아닙니다
export-bad-missing-card = { $record }: 카드 { $id }이(가) 백업에 없습니다
export-bad-missing-session = { $record }: 세션 { $id }이(가) 백업에 없습니다
export-bad-setting = 설정 { $key }: { $why }
export-bad-settings = 설정: { $why }
export-bad-path-control = 경로 { $path }에 제어 문자가 있습니다
export-bad-path-not-note = 경로 { $path }은(는) 노트 파일(.{ $extensions })이 아닙니다
export-bad-path-not-plain = 경로 { $path }은(는) 단순한 경로가 아닙니다 (빈 부분, `.`, `..`이 있음)
export-bad-count = { $field } 값 { $value }은(는) 0에서 { $max } 사이의 개수가 아닙니다
export-bad-memory = { $field } 값 { $value }은(는) 음수가 아닌 유한한 수가 아닙니다
