# 표시 (src/render): 사람이 읽는 간격, 렌더링한 Markdown 속 이름표.

render-interval-minutes = { $n }분
render-interval-hours = { $n }시간
render-interval-days = { $n }일
render-interval-months = { $n }개월
render-interval-years = { $n }년
render-demo-link = [데모 { $label }]
render-image = [이미지]
render-image-alt = [이미지: { $alt }]
