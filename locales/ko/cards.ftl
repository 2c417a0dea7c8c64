# synack cards, show, suspend, unsuspend (src/cli/cards.rs).

## synack cards
cards-none-match = 맞는 카드가 없습니다.
cards-head-id = ID
cards-head-kind = 종류
cards-head-deck = 덱
cards-head-front = 앞면
cards-mark-missing = (노트에 없음)
cards-mark-suspended = (보류)
cards-total = 덱 { $decks }개, 카드 { $cards }장
cards-total-suspended = (보류 { $count }장)

## synack suspend / unsuspend
cards-no-such-cards = 카드 { $ids }가 없습니다 (`synack cards` 참고). 아무것도 바꾸지 않았습니다
cards-none-match-unchanged = 맞는 카드가 없어 아무것도 바꾸지 않았습니다.
cards-suspended = 카드 { $count }장을 보류했습니다
cards-already-suspended = 카드 { $count }장은 이미 보류 중입니다
cards-suspend-hint = `synack unsuspend ID…`로 카드를 되돌리고, `synack cards --suspended`로 목록을 봅니다.
cards-unsuspended = 카드 { $count }장의 보류를 풀었습니다
cards-not-suspended = 카드 { $count }장은 보류 중이 아니었습니다
cards-stay-out = 카드 { $count }장은 공부에서 빠진 채로 남습니다{ $ids }: 노트에 그 글이 더는 없습니다. 가져오기가 그 글을 다시 찾으면 돌아옵니다

## --deck
cards-no-such-deck = { $deck }에 맞는 덱이 없습니다 (덱: { $decks })
cards-ambiguous-deck = 덱 { $deck }가 여러 덱에 맞습니다: { $decks }

## synack show
cards-label-source = 원본
cards-label-tags = 태그
cards-label-status = 상태
cards-label-state = 일정
cards-label-due = 예정
cards-label-memory = 기억
cards-status-missing = 보류, 노트에 그 글이 더는 없습니다
cards-status-suspended = 보류
cards-state = { $state } · 복습 횟수 { $reps } · 실패 { $lapses }
cards-memory = 안정도 { $stability } · 난이도 { $difficulty } · 지금 회상 확률 { $recall }
cards-open-question = (아직 답이 없는 열린 질문)
cards-earlier-wordings = 예전 문구:
cards-until = { $time }까지
cards-last-reviews = 최근 복습:
cards-last-reviews-some = 최근 복습 ({ $total }번 중 { $shown }번):
cards-review-next = { $state } → 다음 복습: { $interval } 후
cards-typed = 입력:
cards-demo-by-topic = 주제로 연결됨
cards-demo-broken = #{ $id } 카드: 데모 링크 { $link }를 실행할 수 없습니다: { $why }
cards-no-demo = #{ $id } 카드에는 데모가 없습니다 (데모를 바로 실행하려면 `synack demo list` 참고)
cards-demo-out-of-range = #{ $id } 카드의 데모는 { $count }개입니다. --demo는 { $which } 중 하나여야 하며 { $n }은 아닙니다

cards-no-images = 이 카드의 뒷면에는 이미지가 없습니다.
cards-image-opened = 열었습니다: { $image }
cards-image-remote = 열지 않았습니다 (노트 옆의 파일이 아님): { $image }
cards-image-missing = 노트 옆에 없습니다: { $image }
cards-viewer-cannot-run = 이미지 뷰어 { $program }을(를) 실행할 수 없습니다 (SYNACK_VIEWER를 설정하세요)
cards-viewer-failed = 이미지 뷰어 { $program }이(가) 실패했습니다: { $status }
