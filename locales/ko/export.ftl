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
