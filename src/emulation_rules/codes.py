"""The registry of issue codes: every code an :class:`~emulation_rules.errors.Issue` can carry.

Standard library only, and nothing from the package: :mod:`emulation_rules.errors` and every
module above it may read it. One entry per code: its severity, the area of the library that
reports it, what it means and what to do, in Vietnamese first (the staff who read the reports
read Vietnamese) and in English. ``docs/issue-codes.md`` is generated from it
(``python scripts/gen_metrics_doc.py --codes``), and ``tests/test_codes.py`` fails when the
library emits a code this registry lacks, or when an entry is never emitted.

A code has one recorded severity. Two codes are reported with both (the meaning says when):
``unknown-column`` is a warning, except in an attestations file where it rejects the row, and
``missing-column`` is an error (no row of the file is read), except when ``evaluate`` finds
that no row gives a column the plan needs (a warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["AREAS", "CODES", "Area", "Code", "SeverityName", "lookup"]

SeverityName = Literal["error", "warning"]
Area = Literal["plan", "table", "evaluation", "timeline", "awards", "submissions"]

AREAS: tuple[Area, ...] = ("plan", "table", "evaluation", "timeline", "awards", "submissions")
"""The areas in the order the documentation lists them."""


@dataclass(frozen=True)
class Code:
    """One issue code: how serious, where reported, what it means and what to do."""

    code: str
    severity: SeverityName
    area: Area
    meaning_vi: str
    meaning_en: str
    fix_vi: str
    fix_en: str


_ALL: tuple[Code, ...] = (
    # ----- plan files: YAML syntax -----
    Code("yaml-syntax", "error", "plan",
         "Tệp không đúng cú pháp YAML (thiếu dấu hai chấm, thụt lề sai, dấu ngoặc hoặc dấu "
         "nháy chưa đóng, có ký tự điều khiển).",
         "The file is not valid YAML (a missing colon, wrong indentation, an unclosed bracket "
         "or quote, a control character).",
         "Sửa tại dòng và cột được chỉ ra; thụt lề bằng dấu cách, không dùng phím Tab.",
         "Correct it at the line and column given; indent with spaces, not tabs."),
    Code("yaml-anchor", "error", "plan",
         "Tệp dùng neo YAML (&tên): không được phép.",
         "The file uses a YAML anchor (&name), which is not allowed.",
         "Viết đầy đủ giá trị tại chỗ; để dùng lại một kế hoạch khác, dùng extends:.",
         "Write the value out in full; to reuse another plan, use extends:."),
    Code("yaml-alias", "error", "plan",
         "Tệp dùng bí danh YAML (*tên): không được phép.",
         "The file uses a YAML alias (*name), which is not allowed.",
         "Viết đầy đủ giá trị tại chỗ; để dùng lại một kế hoạch khác, dùng extends:.",
         "Write the value out in full; to reuse another plan, use extends:."),
    Code("yaml-tag", "error", "plan",
         "Giá trị có thẻ YAML (!tên, !!python/...): không được phép.",
         "A value carries a YAML tag (!name, !!python/...), which is not allowed.",
         "Bỏ thẻ, chỉ viết giá trị thông thường (văn bản, số, true/false, danh sách, ánh xạ).",
         "Remove the tag and write a plain value (text, number, true/false, list, mapping)."),
    Code("yaml-key", "error", "plan",
         "Khóa của một ánh xạ không phải văn bản thông thường (là một danh sách hoặc ánh xạ).",
         "A mapping key is not plain text (it is a list or a mapping).",
         "Viết khóa là một từ, ví dụ id:, title:.",
         "Write the key as a word, such as id: or title:."),
    Code("yaml-merge-key", "error", "plan",
         "Tệp dùng khóa gộp (<<): không được phép.",
         "The file uses a merge key (<<), which is not allowed.",
         "Dùng extends: để kế thừa một kế hoạch khác.",
         "Use extends: to reuse another plan."),
    Code("duplicate-key", "error", "plan",
         "Một khóa xuất hiện hai lần trong cùng một ánh xạ (hoặc trong cùng một dòng của bảng "
         "JSON/YAML): không biết giá trị nào đúng.",
         "A key appears twice in the same mapping (or in the same row of a JSON or YAML "
         "table): which value holds is not known.",
         "Xóa một trong hai; YAML sẽ âm thầm chỉ giữ giá trị sau cùng.",
         "Remove one of them; YAML would silently keep only the last."),
    Code("too-deep", "error", "plan",
         "Các mức lồng nhau sâu quá giới hạn cho phép.",
         "Nesting is deeper than the limit allows.",
         "Giảm số mức lồng nhau; một kế hoạch thật không cần sâu như vậy.",
         "Reduce the nesting; a real plan never needs that depth."),
    Code("number-too-large", "error", "plan",
         "Số quá dài (số nguyên quá 30 chữ số, hoặc số thập phân quá 64 ký tự).",
         "A number is too long (an integer of more than 30 digits, or a decimal of more than "
         "64 characters).",
         "Kiểm tra lại số; nếu đó là một mã thì đặt trong dấu nháy.",
         "Check the number; if it is a code, put it in quotes."),
    # ----- plan files: the file and inheritance -----
    Code("plan-not-found", "error", "plan",
         "Không có tệp kế hoạch hoặc kế hoạch có sẵn mang tên đó.",
         "No plan file, or no bundled plan, by that name.",
         "Kiểm tra tên hoặc đường dẫn; gợi ý kèm theo nêu các kế hoạch có sẵn.",
         "Check the name or the path; the hint lists the bundled plans."),
    Code("not-a-mapping", "error", "plan",
         "Tệp kế hoạch không phải là một ánh xạ các khóa (id:, title:, ...).",
         "The plan file is not a mapping of keys (id:, title:, ...).",
         "Bắt đầu tệp bằng các khóa id:, title:, ..., mỗi khóa một dòng, sát lề trái.",
         "Start the file with the keys id:, title:, ..., one per line at the left margin."),
    Code("extends-not-found", "error", "plan",
         "extends: không trỏ tới kế hoạch có sẵn nào hoặc tệp nào cùng thư mục.",
         "extends: names no bundled plan and no file in the plan's folder.",
         "Ghi mã một kế hoạch có sẵn (ví dụ kon_plong) hoặc tên một tệp .yaml cùng thư mục.",
         "Name a bundled plan (such as kon_plong) or a .yaml file in the same folder."),
    Code("extends-outside", "error", "plan",
         "extends: trỏ ra ngoài thư mục của kế hoạch.",
         "extends: leads out of the plan's folder.",
         "Kế thừa một kế hoạch có sẵn hoặc một tệp nằm cùng thư mục.",
         "Extend a bundled plan, or a file in the same folder."),
    Code("extends-cycle", "error", "plan",
         "Chuỗi extends: quay lại chính tệp này (A kế thừa B, B lại kế thừa A).",
         "The extends: chain leads back to this file (A extends B, which extends A).",
         "Bỏ một extends: trong vòng lặp.",
         "Remove one extends: of the loop."),
    Code("extends-too-deep", "error", "plan",
         "Chuỗi extends: dài quá số tệp cho phép.",
         "The extends: chain is longer than the limit allows.",
         "Rút ngắn chuỗi kế thừa (thông báo nêu giới hạn).",
         "Shorten the chain (the message gives the limit)."),
    Code("unknown-remove", "error", "plan",
         "remove: nêu một id mà không mục nào được kế thừa có.",
         "remove: names an id that no inherited item has.",
         "Kiểm tra id trong kế hoạch được kế thừa, hoặc bỏ id đó khỏi remove:.",
         "Check the id in the inherited plan, or take it out of remove:."),
    Code("ambiguous-remove", "error", "plan",
         "remove: nêu một id có ở nhiều danh sách được kế thừa (ví dụ vừa là đợt vừa là tiêu "
         "chí): không biết bỏ mục nào.",
         "remove: names an id found in several inherited lists (a phase and a criterion, say): "
         "which item to drop is not known.",
         "Kiểm tra kế hoạch được kế thừa: mỗi id chỉ nên có ở một danh sách.",
         "Check the inherited plan: an id should be in one list only."),
    Code("duplicate-id", "error", "plan",
         "Một id được dùng hai lần trong cùng một danh sách.",
         "An id is used twice in the same list.",
         "Đổi id của một trong hai mục.",
         "Rename one of the two items."),
    Code("id-mismatch", "error", "plan",
         "id của kế hoạch khác tên tệp.",
         "The plan's id differs from its file name.",
         "Đặt id trùng tên tệp, không kể đuôi .yaml.",
         "Make the id equal the file name without .yaml."),
    # ----- plan files: values -----
    Code("unknown-key", "error", "plan",
         "Khóa không có trong định dạng kế hoạch (thường do gõ sai).",
         "A key the plan format does not have (often a typing error).",
         "Sửa theo gợi ý kèm theo; các khóa được mô tả trong docs/plan-format.md.",
         "Correct it as the hint suggests; docs/plan-format.md describes the keys."),
    Code("missing-key", "error", "plan",
         "Thiếu một khóa bắt buộc (ví dụ issuer, campaign, criteria, phases của một kế hoạch "
         "không phải mẫu).",
         "A required key is missing (such as issuer, campaign, criteria or phases of a plan "
         "that is not a template).",
         "Thêm khóa được nêu; xem docs/plan-format.md.",
         "Add the key named; see docs/plan-format.md."),
    Code("wrong-type", "error", "plan",
         "Giá trị sai kiểu: ví dụ cần số mà ghi chữ, cần danh sách mà ghi một giá trị, cần "
         "ánh xạ (vi:, en:) mà ghi văn bản.",
         "A value of the wrong type: text where a number is expected, one value where a list "
         "is, text where a mapping (vi:, en:) is.",
         "Ghi đúng kiểu: số không đặt trong dấu nháy, mỗi phần tử danh sách bắt đầu bằng "
         "'- '.",
         "Write the right type: numbers without quotes, each list item starting with '- '."),
    Code("invalid-value", "error", "plan",
         "Giá trị không nằm trong các giá trị cho phép hoặc sai mẫu (một mã, một loại đơn vị, "
         "có/không, ...); cũng dùng cho ô như vậy trong các tệp bảng.",
         "A value is not one of those allowed or does not fit its pattern (an id, a unit "
         "kind, yes/no, ...); also for such a cell in a table file.",
         "Chọn một giá trị cho phép, theo gợi ý nếu có.",
         "Use one of the allowed values, as the hint suggests when there is one."),
    Code("invalid-condition", "error", "plan",
         "Điều kiện của chỉ tiêu không thuộc loại nào: cần có metric, numerator và "
         "denominator, any_of, all_of hoặc attestation.",
         "A target's condition is of no kind: it needs metric, numerator and denominator, "
         "any_of, all_of or attestation.",
         "Viết điều kiện theo một trong các loại trong docs/plan-format.md.",
         "Write the condition as one of the kinds in docs/plan-format.md."),
    Code("out-of-range", "error", "plan",
         "Số nằm ngoài khoảng cho phép (ví dụ tỉ lệ phải từ 0 đến 1, số lượng không được âm, "
         "không được là vô cực).",
         "A number is out of its range (a ratio is from 0 to 1, a count is not negative, "
         "nothing is infinite).",
         "Ghi tỉ lệ dưới dạng phân số: 0.8 là 80%, 1 là 100%.",
         "Write a ratio as a fraction: 0.8 is 80%, 1 is 100%."),
    Code("too-short", "error", "plan",
         "Danh sách hoặc văn bản quá ngắn (any_of, all_of cần ít nhất hai điều kiện; đoạn "
         "trích dẫn ít nhất 3 ký tự; nhãn không được để trống).",
         "A list or a text is too short (any_of and all_of need two conditions or more; a "
         "quote at least 3 characters; a label cannot be empty).",
         "Bổ sung cho đủ.",
         "Complete it."),
    Code("too-long", "error", "plan",
         "Văn bản dài quá giới hạn, hoặc phong trào có ngày kết thúc kéo dài quá số năm cho "
         "phép.",
         "A text is longer than the limit, or a campaign with an end date spans more years "
         "than the limit.",
         "Rút gọn văn bản; phong trào không có thời hạn thì bỏ ngày kết thúc và khai báo "
         "review_cycle.",
         "Shorten the text; an open-ended movement has no end date and a review_cycle."),
    Code("invalid-date", "error", "plan",
         "Ngày không hợp lệ: không có trong lịch (31/02/2025), viết sai cách, hoặc ngoài "
         "khoảng 1990–2100; cũng dùng cho ô ngày nộp trong tệp báo cáo đã nộp.",
         "An invalid date: not in the calendar (31/02/2025), not written as a date, or outside "
         "1990–2100; also for a submission date in a submissions file.",
         "Viết ngày dạng 2025-05-19 hoặc 19/05/2025.",
         "Write the date as 2025-05-19 or 19/05/2025."),
    Code("invalid-provenance", "error", "plan",
         "Căn cứ không hợp lệ: vừa có source vừa có policy: local, có policy: local mà thiếu "
         "reason, hoặc có reason mà không có policy: local.",
         "Invalid provenance: both a source and policy: local, policy: local without a reason, "
         "or a reason without policy: local.",
         "Ghi hoặc source: {section: ..., quote: ...}, hoặc policy: local kèm reason một dòng.",
         "Give either source: {section: ..., quote: ...} or policy: local with a one-line "
         "reason."),
    Code("invalid-deadline", "error", "plan",
         "Hạn báo cáo phải có hoặc ngày hạn (due) cùng quan hệ (relation), hoặc lịch lặp "
         "(recurrence), không được cả hai hay thiếu cả hai.",
         "A deadline has either a due date with its relation, or a recurrence: not both, not "
         "neither.",
         "Giữ due và relation cho hạn một lần, hoặc recurrence cho hạn định kỳ.",
         "Keep due and relation for a one-off deadline, or recurrence for a recurring one."),
    Code("invalid-plan", "error", "plan",
         "Không dựng được kế hoạch từ dữ liệu (một giá trị vượt quá khả năng xử lý).",
         "The plan cannot be built from the data (a value beyond what can be processed).",
         "Kiểm tra các giá trị quá lớn hoặc lồng nhau bất thường; nếu không tìm ra, báo cho "
         "người phát triển kèm tệp.",
         "Look for huge values or unusual nesting; if none, report it to the developers with "
         "the file."),
    # ----- plan files: meaning (semantic checks) -----
    Code("missing-citation", "error", "plan",
         "Một quy tắc không có căn cứ: thiếu source, hoặc chưa ghi policy: local kèm lý do.",
         "A rule has no provenance: no source, and not marked policy: local with a reason.",
         "Thêm source: {section: ..., quote: ...}, hoặc policy: local kèm reason.",
         "Add source: {section: ..., quote: ...}, or policy: local with a reason."),
    Code("missing-when-no-cases", "error", "plan",
         "Chỉ tiêu tỉ lệ chưa khai báo when_no_cases: kết luận khi trong kỳ không có trường "
         "hợp nào (mẫu số bằng 0).",
         "A ratio target does not declare when_no_cases: its verdict for a period with no "
         "cases (a denominator of 0).",
         "Thêm when_no_cases: {verdict: unknown, policy: local, reason: ...}.",
         "Add when_no_cases: {verdict: unknown, policy: local, reason: ...}."),
    Code("unknown-metric", "error", "plan",
         "Chỉ số không có trong danh mục chỉ số (docs/metrics.md).",
         "A metric that is not in the vocabulary (docs/metrics.md).",
         "Sửa theo gợi ý, hoặc chọn một chỉ số trong docs/metrics.md.",
         "Correct it as the hint suggests, or pick a metric of docs/metrics.md."),
    Code("unknown-attestation", "error", "plan",
         "Nội dung xác nhận không có trong danh mục (docs/metrics.md, mục Attestations).",
         "An attestation that is not in the vocabulary (docs/metrics.md, Attestations).",
         "Sửa theo gợi ý, hoặc chọn một nội dung xác nhận trong docs/metrics.md.",
         "Correct it as the hint suggests, or pick an attestation of docs/metrics.md."),
    Code("level-mismatch", "error", "plan",
         "Chỉ số được ghi nhận ở một cấp không xét được ở cấp của chỉ tiêu (ví dụ chỉ số của "
         "xã xét cho từng tổ).",
         "A metric recorded at a level that cannot be checked at the target's level (a "
         "commune's count checked per team).",
         "Đổi level của chỉ tiêu, hoặc chọn chỉ số được ghi nhận ở cấp đó.",
         "Change the target's level, or pick a metric recorded at that level."),
    Code("invalid-ratio", "error", "plan",
         "Tử số và mẫu số của tỉ lệ là cùng một chỉ số.",
         "The numerator and the denominator of a ratio are the same metric.",
         "Chọn tử số là phần, mẫu số là tổng (ví dụ tips_via_force trên tips_total).",
         "Make the numerator the part and the denominator the whole (tips_via_force over "
         "tips_total)."),
    Code("campaign-order", "error", "plan",
         "Phong trào kết thúc trước khi bắt đầu.",
         "The campaign ends before it starts.",
         "Kiểm tra ngày bắt đầu và ngày kết thúc của phong trào.",
         "Check the campaign's start and end dates."),
    Code("open-ended-without-cycle", "error", "plan",
         "Phong trào không có ngày kết thúc nhưng thiếu chu kỳ sơ kết (review_cycle).",
         "A campaign with no end date has no review_cycle to bound it.",
         "Thêm ngày kết thúc, hoặc khai báo review_cycle.",
         "Add an end date, or a review_cycle."),
    Code("phase-order", "error", "plan",
         "Đợt kết thúc trước khi bắt đầu, hoặc một đợt không phải đợt đầu lại bắt đầu từ ngày "
         "ban hành (issuance).",
         "A phase ends before it starts, or a phase other than the first starts at the plan's "
         "issue date (issuance).",
         "Kiểm tra ngày của đợt; chỉ đợt đầu được bắt đầu từ ngày ban hành.",
         "Check the phase's dates; only the first phase may start at the issue date."),
    Code("phase-overlap", "error", "plan",
         "Hai đợt chồng lên nhau.",
         "Two phases overlap.",
         "Liệt kê các đợt theo thứ tự; đợt sau bắt đầu sau ngày kết thúc của đợt trước.",
         "List the phases in order; each starts after the previous one ends."),
    Code("phase-outside-campaign", "error", "plan",
         "Đợt nằm ngoài thời gian của phong trào.",
         "A phase lies outside the campaign window.",
         "Kiểm tra ngày của đợt và của phong trào.",
         "Check the dates of the phase and of the campaign."),
    Code("unknown-criterion", "error", "plan",
         "scoring: nêu một tiêu chí mà kế hoạch không có.",
         "scoring: names a criterion the plan does not have.",
         "Sửa theo gợi ý, hoặc dùng id của một tiêu chí trong criteria.",
         "Correct it as the hint suggests, or use the id of a criterion in criteria."),
    Code("unknown-phase", "error", "plan",
         "Hạn báo cáo nêu một đợt mà kế hoạch không có.",
         "A deadline names a phase the plan does not have.",
         "Sửa theo gợi ý, hoặc dùng id của một đợt trong phases.",
         "Correct it as the hint suggests, or use the id of a phase in phases."),
    Code("recurrence-order", "error", "plan",
         "Lịch lặp của hạn báo cáo kết thúc (until) trước khi bắt đầu.",
         "A deadline's recurrence ends (until) before it starts.",
         "Kiểm tra start và until của recurrence.",
         "Check the recurrence's start and until."),
    Code("too-many", "error", "plan",
         "Vượt giới hạn số lượng: kế hoạch có quá nhiều tiêu chí, chỉ tiêu, đợt, hạn báo cáo "
         "hoặc hình thức khen thưởng; tệp đơn vị có quá nhiều đơn vị (các dòng sau không được "
         "đọc).",
         "Beyond a limit on numbers: a plan with too many criteria, targets, phases, deadlines "
         "or awards; a units file with too many units (the later rows are not read).",
         "Giảm số lượng theo giới hạn nêu trong thông báo; tệp đơn vị thì chia theo tỉnh "
         "hoặc huyện.",
         "Stay within the limit the message gives; split a units file by province or "
         "district."),
    # ----- plan files: checks that catch an unusable plan -----
    Code("deadline-outside-campaign", "error", "plan",
         "Hạn báo cáo rơi ngoài thời gian của phong trào: trước khi phong trào bắt đầu, hoặc "
         "sau khi phong trào kết thúc mà không phải báo cáo về một đợt (phase:); hoặc lịch lặp "
         "bắt đầu, kết thúc ngoài thời gian đó.",
         "A deadline falls outside the campaign: before it starts, or after it ends without "
         "reporting on a phase (phase:); or a recurrence starts or ends outside it.",
         "Kiểm tra ngày hạn (thường là năm) và thời gian của phong trào.",
         "Check the deadline's date (often its year) and the campaign's dates."),
    Code("control-character", "error", "plan",
         "Văn bản có ký tự điều khiển hoặc ký tự ẩn (ví dụ \\u0007, \\u001b, khoảng trắng "
         "độ rộng 0 \\u200b, ký tự đảo chiều \\u202e), thường do sao chép từ một văn bản "
         "khác.",
         "A text holds a control or invisible character (such as \\u0007, \\u001b, a "
         "zero-width space \\u200b, a direction override \\u202e), often copied in from "
         "another document.",
         "Xóa ký tự đó (thông báo cho biết vị trí); xuống dòng và Tab thì được phép.",
         "Delete it (the message says where it is); line breaks and tabs are allowed."),
    Code("placeholder", "error", "plan",
         "Giá trị là chỗ trống chưa điền, nằm trọn trong dấu < > (ví dụ \"<ngày kết thúc>\"), "
         "như lệnh emulation-rules new viết ra.",
         "A value is a placeholder not yet filled in, wholly enclosed in < > (such as "
         "\"<ngày kết thúc>\"), as emulation-rules new writes them.",
         "Ghi giá trị thật theo văn bản thay cho cả chỗ trống, bỏ dấu < >.",
         "Write the real value from the document in its place, without the < >."),
    Code("phase-gap", "warning", "plan",
         "Có những ngày trong thời gian phong trào không thuộc đợt nào (giữa hai đợt, trước "
         "đợt đầu hoặc sau đợt cuối); số liệu của những ngày đó chỉ được xét khi tổng kết.",
         "Days inside the campaign belong to no phase (between two phases, before the first "
         "or after the last); their figures count only in the final review.",
         "Kiểm tra ngày của các đợt; nếu văn bản đúng là như vậy, ghi acknowledge: [{code: "
         "phase-gap, reason: ...}] tại đợt được báo.",
         "Check the phases' dates; if the document says so, add acknowledge: [{code: "
         "phase-gap, reason: ...}] to the phase reported."),
    Code("report-before-phase-end", "warning", "plan",
         "Hạn báo cáo về một đợt đến trước khi đợt đó kết thúc: báo cáo không thể tính hết "
         "số liệu của đợt.",
         "A report on a phase falls due before the phase ends: it cannot cover the whole "
         "phase.",
         "Kiểm tra ngày hạn và đợt được báo cáo (phase:); nếu văn bản đúng là như vậy, ghi "
         "acknowledge: [{code: report-before-phase-end, reason: ...}] tại hạn đó.",
         "Check the due date and the phase reported on (phase:); if the document says so, "
         "add acknowledge: [{code: report-before-phase-end, reason: ...}] to the deadline."),
    Code("phase-already-ended", "warning", "plan",
         "Kế hoạch dự thảo (draft: true) có một đợt đã kết thúc trước ngày kiểm tra (--as-of, "
         "mặc định hôm nay): thường là ngày chép từ kế hoạch cũ chưa sửa.",
         "A draft plan (draft: true) has a phase that ended before the date it is checked on "
         "(--as-of, default today): often a date copied from an older plan.",
         "Sửa ngày theo văn bản mới; khi kế hoạch đã ban hành, bỏ draft: true.",
         "Correct the date from the new document; once the plan is issued, remove "
         "draft: true."),
    Code("label-mismatch", "warning", "plan",
         "Nhãn ghi một tỉ lệ phần trăm hoặc một ngày khác với giá trị đã mã hóa (nhãn ghi "
         "80% mà ngưỡng là 0.85; nhãn của đợt ghi một ngày không phải ngày bắt đầu hay kết "
         "thúc của đợt).",
         "A label states a percentage or a date other than the value encoded (a label saying "
         "80% while the threshold is 0.85; a phase label with a date that is not its start "
         "or end).",
         "Sửa nhãn hoặc giá trị cho khớp với văn bản.",
         "Correct the label or the value to match the document."),
    Code("ambiguous-number", "warning", "plan",
         "Một số được viết theo kiểu mà các công cụ YAML đọc khác nhau (010, 0x1, 0o7, 1_000, "
         "+5, 1:30, 1e3): thông báo cho biết giá trị đã đọc.",
         "A number is written in a form YAML tools read differently (010, 0x1, 0o7, 1_000, "
         "+5, 1:30, 1e3): the message says what was read.",
         "Viết số thập phân thông thường (10, 1000, 5); nếu đó là một mã hay văn bản thì đặt "
         "trong dấu nháy.",
         "Write a plain decimal number (10, 1000, 5); if it is a code or text, put it in "
         "quotes."),
    Code("unreachable-award", "warning", "plan",
         "Một hình thức khen thưởng không thể đạt: không có tiêu chuẩn nào, một tiêu chuẩn "
         "không có điều kiện nào, một điều kiện không bao giờ đúng, hoặc dịp xét không bao "
         "giờ có trong kế hoạch.",
         "An award tier cannot be met: it has no standard, a standard has no condition, a "
         "condition can never hold, or it is reviewed on an occasion the plan never has.",
         "Bổ sung tiêu chuẩn, điều kiện hoặc dịp xét theo văn bản; nếu văn bản đúng là như "
         "vậy, ghi acknowledge: [{code: unreachable-award, reason: ...}].",
         "Complete its standards, conditions or occasions from the document; if the document "
         "says so, add acknowledge: [{code: unreachable-award, reason: ...}]."),
    Code("unused-acknowledgement", "warning", "plan",
         "acknowledge: ghi nhận một cảnh báo mà mục này không có.",
         "acknowledge: names a warning this item does not raise.",
         "Xóa mục đó khỏi acknowledge:; trong kế hoạch kế thừa, ghi acknowledge: [] tại mục "
         "tương ứng để bỏ phần được kế thừa.",
         "Remove it from acknowledge:; in a plan that extends another, write "
         "acknowledge: [] on the item to drop an inherited one."),
    # ----- table files (metrics, units, attestations, awards received, submissions) -----
    Code("unreadable", "error", "table",
         "Không đọc được tệp (không có quyền đọc, là thư mục, hoặc tệp Excel bị hỏng).",
         "The file cannot be read (no permission, a folder, or a damaged Excel workbook).",
         "Kiểm tra đường dẫn và quyền đọc; tệp Excel thì mở bằng Excel rồi lưu lại thành "
         ".xlsx hoặc CSV UTF-8.",
         "Check the path and the permissions; open an Excel file in Excel and save it again "
         "as .xlsx or CSV UTF-8."),
    Code("unsupported-file", "error", "table",
         "Định dạng tệp không đọc được (.xls, .xlsm, .ods).",
         "A file format that cannot be read (.xls, .xlsm, .ods).",
         "Lưu lại thành sổ Excel (.xlsx) hoặc CSV UTF-8.",
         "Save it as an Excel workbook (.xlsx) or as CSV UTF-8."),
    Code("too-large", "error", "table",
         "Tệp lớn quá giới hạn (tệp kế hoạch; bảng JSON hoặc YAML).",
         "The file is larger than the limit (a plan file; a JSON or YAML table).",
         "Kiểm tra có đúng tệp không; bảng lớn thì lưu thành CSV hoặc Excel (được đọc dần, "
         "không bị giới hạn này).",
         "Check that it is the right file; save a large table as CSV or Excel (read as a "
         "stream, without this limit)."),
    Code("encoding", "error", "table",
         "Tệp không phải văn bản UTF-8 (hoặc không theo bảng mã đã chọn); một dòng có byte "
         "lỗi thì chỉ dòng đó bị loại.",
         "The file is not UTF-8 text (or not in the encoding chosen); a line with a stray bad "
         "byte rejects that line only.",
         "Lưu lại bằng Excel: Lưu thành > CSV UTF-8 (Comma delimited); hoặc đọc theo bảng mã "
         "tiếng Việt của Windows bằng --encoding cp1258.",
         "Save it again in Excel: Save As > CSV UTF-8 (Comma delimited); or read it as Windows' "
         "Vietnamese with --encoding cp1258."),
    Code("empty-file", "error", "table",
         "Tệp không có nội dung: không có tài liệu YAML, hoặc bảng không có dòng tiêu đề.",
         "The file holds nothing: no YAML document, or a table with no header row.",
         "Kiểm tra có đúng tệp không; dòng đầu của bảng ghi tên các cột.",
         "Check that it is the right file; a table's first row names its columns."),
    Code("unknown-sheet", "error", "table",
         "Sổ Excel không có trang tính mang tên đã nêu (--sheet).",
         "The workbook has no sheet of the name given (--sheet).",
         "Kiểm tra tên trang tính; thông báo liệt kê các trang có trong sổ.",
         "Check the sheet's name; the message lists the workbook's sheets."),
    Code("missing-column", "error", "table",
         "Thiếu cột bắt buộc, hoặc không tìm thấy dòng tiêu đề trong các dòng đầu của trang "
         "tính: không đọc dòng nào. Khi đánh giá: không dòng nào có cột mà kế hoạch cần "
         "(cảnh báo; các kết luận cần cột đó để ngỏ).",
         "A required column is missing, or no header row is found in a sheet's first rows: no "
         "row is read. When evaluating: no row gives a column the plan needs (a warning; the "
         "verdicts that need it stay undecided).",
         "Thêm cột vào dòng tiêu đề, ghi bằng mã cột (unit, period, ...).",
         "Add the column to the header row, named by its id (unit, period, ...)."),
    Code("duplicate-column", "error", "table",
         "Một tên cột xuất hiện hai lần ở dòng tiêu đề: không biết cột nào đúng, nên không "
         "đọc dòng nào của tệp.",
         "A column name appears twice in the header: which one holds the value is not known, "
         "so no row of the file is read.",
         "Đổi tên hoặc xóa một trong hai cột.",
         "Rename or remove one of the two columns."),
    Code("unknown-column", "warning", "table",
         "Cột không phải chỉ số nào (hoặc cột không có tiêu đề mà có giá trị): bị bỏ qua. "
         "Trong tệp xác nhận, cột không phải nội dung xác nhận làm dòng đó bị loại (lỗi).",
         "A column that is not a metric (or a column with values and no header): ignored. In "
         "an attestations file, a column that is not an attestation rejects its row (an "
         "error).",
         "Sửa tên cột theo gợi ý (xem docs/metrics.md), hoặc xóa cột nếu không cần.",
         "Correct the column's name as the hint suggests (see docs/metrics.md), or remove it."),
    Code("csv-syntax", "error", "table",
         "Tệp CSV sai cấu trúc (ví dụ dấu nháy kép không đóng): dừng đọc tại đó.",
         "The CSV file is malformed (an unclosed double quote, say): reading stops there.",
         "Mở bằng Excel và lưu lại thành CSV UTF-8; kiểm tra dấu nháy kép trong các ô.",
         "Open it in Excel and save it again as CSV UTF-8; check the double quotes in cells."),
    Code("json-syntax", "error", "table",
         "Tệp JSON không hợp lệ: không đọc dòng nào.",
         "The JSON file is not valid JSON: no row is read.",
         "Sửa tại vị trí thông báo nêu, hoặc xuất lại tệp từ phần mềm đã tạo ra nó.",
         "Correct it where the message says, or export it again from the program that made it."),
    Code("not-a-table", "error", "table",
         "Tệp JSON hoặc YAML không phải danh sách các dòng (hoặc {rows: [...]}).",
         "The JSON or YAML file is not a list of rows (or {rows: [...]}).",
         "Ghi tệp dưới dạng danh sách, mỗi dòng là một ánh xạ cột: giá trị.",
         "Write the file as a list, each row a mapping of column to value."),
    Code("row-shape", "error", "table",
         "Dòng sai hình dạng: số ô khác dòng tiêu đề, một ô dài quá giới hạn, hoặc (JSON, "
         "YAML) dòng không phải ánh xạ cột: giá trị. Dòng không được đọc.",
         "A row of the wrong shape: a number of cells other than the header's, a cell longer "
         "than the limit, or (JSON, YAML) a row that is not a mapping of column to value. The "
         "row is not read.",
         "Kiểm tra dấu phân cách và dấu nháy của dòng; mỗi ô chỉ chứa một giá trị.",
         "Check the row's separators and quotes; a cell holds one value."),
    Code("formula-without-value", "error", "table",
         "Ô chứa công thức chưa có kết quả được lưu: dòng không được đọc.",
         "A cell holds a formula with no saved result: the row is not read.",
         "Mở sổ bằng Excel rồi lưu lại (Excel lưu kết quả của công thức), hoặc nhập số.",
         "Open the workbook in Excel and save it (Excel saves each formula's result), or type "
         "the number."),
    Code("missing-value", "error", "table",
         "Dòng thiếu giá trị bắt buộc (unit, id, kind, deadline, ...): dòng bị loại.",
         "A row lacks a required value (unit, id, kind, deadline, ...): it is rejected.",
         "Điền giá trị vào ô được nêu.",
         "Fill in the cell named."),
    Code("invalid-count", "error", "table",
         "Số lượng không phải số nguyên từ 0 trở lên (1,5; -2; chữ; ...): dòng bị loại.",
         "A count that is not a whole number of 0 or more (1.5, -2, text, ...): the row is "
         "rejected.",
         "Ghi số nguyên, không dùng dấu phân cách hàng nghìn: 1234.",
         "Write a whole number without thousands separators: 1234."),
    Code("invalid-period", "error", "table",
         "Kỳ không phải một tháng (2025-03, 03/2025), một khoảng tối đa 12 tháng "
         "(2024-10..2024-12, 2025-Q1) hay một năm (2026): dòng bị loại.",
         "A period that is not a month (2025-03, 03/2025), a span of up to 12 months "
         "(2024-10..2024-12, 2025-Q1) or a year (2026): the row is rejected.",
         "Định dạng cột period là Văn bản (Text) để Excel giữ nguyên 03/2025.",
         "Format the period column as Text so that Excel keeps 03/2025."),
    Code("duplicate-row", "error", "table",
         "Hai dòng cho cùng một đơn vị và kỳ (hoặc cùng một đơn vị, cùng một hạn báo cáo, "
         "hay một đơn vị được liệt kê hai lần): không bao giờ cộng dồn, dòng sau bị loại.",
         "Two rows for the same unit and period (or unit and deadline, or a unit listed "
         "twice): rows are never summed, the later is rejected.",
         "Giữ lại một dòng.",
         "Keep one of the rows."),
    Code("lookalike-ids", "warning", "table",
         "Hai đơn vị trong tệp đơn vị có mã chỉ khác nhau ở chữ hoa/chữ thường, một chữ trông "
         "giống nhau (chữ Kirin, ...) hoặc một ký tự vô hình: số liệu của đơn vị này dễ bị "
         "ghi nhầm sang đơn vị kia.",
         "Two units of the units file have ids that differ only by case, a look-alike letter "
         "(Cyrillic, ...) or an invisible character: rows meant for one may go to the other.",
         "Đặt cho mỗi đơn vị một mã chỉ gồm chữ cái không dấu và chữ số, viết giống nhau ở mọi "
         "tệp.",
         "Give each unit an id of plain letters and digits, written the same way in every "
         "file."),
    Code("parent-cycle", "error", "table",
         "Đơn vị là cấp trên của chính nó qua cột parent.",
         "A unit is its own ancestor through 'parent'.",
         "Sửa cột parent để mỗi đơn vị trỏ tới cấp trên thật của nó.",
         "Correct 'parent' so that each unit names its real parent."),
    Code("unknown-parent", "error", "table",
         "Cột parent nêu một đơn vị không có trong tệp đơn vị.",
         "'parent' names a unit that is not in the units file.",
         "Thêm đơn vị cấp trên vào tệp, hoặc sửa mã trong cột parent.",
         "Add the parent unit to the file, or correct the id in 'parent'."),
    # ----- evaluation -----
    Code("contradictory-counts", "error", "evaluation",
         "Phần lớn hơn tổng (ví dụ tips_via_force lớn hơn tips_total): dòng bị loại.",
         "A part is larger than its whole (tips_via_force above tips_total, say): the row is "
         "rejected.",
         "Sửa số liệu gốc; công cụ không tự cắt bớt.",
         "Correct the source data; the tool never clamps it."),
    Code("unknown-unit", "error", "evaluation",
         "Đơn vị không có trong tệp đơn vị: dòng bị loại.",
         "A unit that is not in the units file: the row is rejected.",
         "Sửa mã đơn vị theo gợi ý, hoặc thêm đơn vị vào tệp đơn vị.",
         "Correct the unit id as the hint suggests, or add the unit to the units file."),
    Code("unknown-window", "error", "evaluation",
         "Cột window của tệp xác nhận nêu một kỳ đánh giá mà kế hoạch không có.",
         "An attestations file's window names a window the plan does not have.",
         "Dùng id của một đợt (phase_1), year:2026, stage:2026-2030, hoặc để trống cho cả "
         "phong trào.",
         "Use a phase id (phase_1), year:2026, stage:2026-2030, or leave it blank for the whole "
         "campaign."),
    Code("overlapping-periods", "error", "evaluation",
         "Kỳ của dòng trùng một phần với kỳ của dòng khác cùng đơn vị (ví dụ "
         "2024-10..2024-12 và 2024-11): dòng sau bị loại.",
         "A row's period overlaps another row's for the same unit (2024-10..2024-12 and "
         "2024-11, say): the later row is rejected.",
         "Giữ các dòng theo tháng hoặc dòng cho cả khoảng, không giữ cả hai.",
         "Keep the monthly rows or the longer period, not both."),
    Code("period-outside", "error", "evaluation",
         "Kỳ nằm ngoài mọi kỳ đánh giá của kế hoạch: các dòng của kỳ đó không được đánh giá.",
         "The period is in no window of the plan: its rows are not evaluated.",
         "Kiểm tra kỳ và ngày ban hành (--issued); dòng của năm khác thì bỏ qua.",
         "Check the period and the issue date (--issued); rows of another year can be "
         "ignored."),
    Code("period-after-as-of", "error", "evaluation",
         "Kỳ sau ngày xét (--as-of): các dòng của kỳ đó không được đánh giá.",
         "The period is after the as-of date (--as-of): its rows are not evaluated.",
         "Đánh giá với ngày xét muộn hơn, hoặc kiểm tra lại kỳ.",
         "Evaluate as of a later date, or check the period."),
    Code("period-partly-outside", "error", "evaluation",
         "Dòng nhiều tháng có cả tháng trong và tháng ngoài các kỳ đánh giá: không được đánh "
         "giá.",
         "A row for several months covers months outside every window as well as months "
         "inside: it is not evaluated.",
         "Tách dòng thành các dòng theo tháng.",
         "Split the row into monthly rows."),
    Code("period-area-sum", "error", "evaluation",
         "Dòng nhiều tháng của một đơn vị mà số liệu được cộng theo từng tháng lên xã (xã có "
         "tổ, hoặc tổ): không được đánh giá.",
         "A row for several months of a unit whose counts are added month by month into its "
         "commune (a commune with teams, or a team): it is not evaluated.",
         "Nhập số liệu của đơn vị đó theo từng tháng.",
         "Give that unit's counts month by month."),
    Code("period-no-target", "error", "evaluation",
         "Dòng của một đơn vị mà không chỉ tiêu nào của kế hoạch xét: không được đánh giá.",
         "A row of a unit that no target of the plan reads: it is not evaluated.",
         "Kiểm tra loại (kind) của đơn vị trong tệp đơn vị; nếu đúng thì bỏ qua.",
         "Check the unit's kind in the units file; if it is right, ignore this."),
    Code("count-on-both-levels", "warning", "evaluation",
         "Một số liệu được ghi cả ở dòng của xã và ở các dòng của tổ: dùng số của xã.",
         "A count is given on a commune's own row and on its teams' rows: the commune's is "
         "used.",
         "Ghi số liệu ở một cấp: dòng của xã hoặc các dòng của tổ.",
         "Give the count at one level: the commune's row or its teams' rows."),
    # ----- timeline -----
    Code("issue-date", "warning", "timeline",
         "Ngày ban hành (--issued) trước ngày bắt đầu phong trào, hoặc sau hạn của một báo "
         "cáo (không thể báo cáo đúng hạn).",
         "The issue date (--issued) is before the campaign starts, or after a deadline (it "
         "cannot be met on time).",
         "Kiểm tra ngày ban hành ghi trên văn bản kế hoạch.",
         "Check the issue date written on the plan's document."),
    # ----- submissions -----
    Code("unknown-deadline", "error", "submissions",
         "Kế hoạch không có hạn báo cáo mang mã này.",
         "The plan has no deadline of this id.",
         "Dùng mã hạn (report_phase_1) hoặc mã của lần lặp (monthly_news:2025-03); lệnh "
         "emulation-rules timeline liệt kê các mã.",
         "Use a deadline id (report_phase_1) or an instance id (monthly_news:2025-03); "
         "emulation-rules timeline lists them."),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}
"""Every issue code the library emits, by code (``tests/test_codes.py`` keeps it complete)."""


def lookup(code: str) -> Code:
    """The registry entry of ``code``. Raises KeyError for a code the registry lacks."""
    try:
        return CODES[code]
    except KeyError:
        raise KeyError(f"unknown issue code {code!r}: add it to emulation_rules.codes") from None
