# 가져오기가 노트의 한 부분을 건너뛴 이유 (가져오기 보고서의
# "건너뜀 N행: …").

deck-skip-cloze-no-gap = `C:` 빈칸 카드에 [빈칸]이 없습니다
deck-skip-no-answer = `::` 카드 { $front }에 답이 없습니다
deck-skip-date-alone = 위에 항목이 없는 날짜 줄입니다
deck-skip-after-last-date = 마지막 날짜 줄 뒤의 목록 글입니다
deck-skip-no-letters = 카드 앞면 { $front }에 글자나 숫자가 없습니다
deck-skip-same-front = { $line }행 카드와 앞면이 같습니다: { $front }
deck-skip-image-only = 이미지뿐
deck-skip-links-only = 링크뿐
deck-skip-images-and-links-only = 이미지와 링크뿐
