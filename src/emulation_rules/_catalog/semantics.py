"""Messages of the semantics area (see the package docstring): the checks that catch an
unusable plan, acknowledged warnings, and ``validate --strict``/``--as-of``."""

from __future__ import annotations

from . import Entry, M


def _ack(code: str) -> str:
    """How to acknowledge a warning, in Vietnamese (braces doubled: no placeholder)."""
    return ("nếu văn bản đúng là như vậy, ghi acknowledge: [{{code: " + code + ", reason: "
            "...}}] tại mục này, lý do trích văn bản")


def _ack_en(code: str) -> str:
    return ("if the document says so, add acknowledge: [{{code: " + code + ", reason: ...}}] "
            "to this item, the reason citing the document")


def _hover(key: str, title_vi: str, title_en: str, about_vi: str, about_en: str
           ) -> tuple[Entry, Entry]:
    """The words an editor shows on hover for a field of this area (as
    :func:`emulation_rules._catalog.newplan._hover`): its title and its description, the
    English description being the model's docstring."""
    what = f"the JSON Schema ({key})"
    return (M(f"schema.{key}", title_vi, title_en, f"title of {what}, shown on hover"),
            M(f"schema.{key}.about", about_vi, about_en,
              f"description of {what}, shown on hover (the English follows the Vietnamese)"))


_SCHEMA: tuple[Entry, ...] = (
    *_hover("acknowledgement", "Cảnh báo được ghi nhận", "Acknowledgement",
            "Một cảnh báo mà mục này có vì văn bản ghi như vậy (đợt 2 của Bắc Giang kết thúc "
            "trước khi phong trào kết thúc ba tháng): validate vẫn hiện cảnh báo, đánh dấu đã "
            "ghi nhận kèm lý do, và --strict không coi là lỗi.",
            "A warning this item raises because its document says so (Bắc Giang's phase 2 "
            "ends three months before the campaign): ``validate`` still shows it, marked "
            "acknowledged with the reason, and ``--strict`` does not fail on it."),
    *_hover("acknowledgement.code", "Mã cảnh báo", "Code",
            "Mã của cảnh báo, như validate in ra: cảnh báo[phase-gap].",
            "The warning's code, as validate shows it: warning[phase-gap]."),
    *_hover("acknowledgement.reason", "Lý do", "Reason",
            "Vì sao văn bản cho phép như vậy: ghi mục và trích lời của văn bản.",
            "Why the document justifies it: cite its section and quote its words."),
    *_hover("any.acknowledge", "Cảnh báo được ghi nhận", "Acknowledged warnings",
            "Những cảnh báo mà mục này có một cách có chủ ý, mỗi cảnh báo kèm lý do văn bản "
            "đưa ra.",
            "Warnings this item raises on purpose, each with the reason its document gives."),
    *_hover("plan.draft", "Dự thảo", "Draft",
            "true khi kế hoạch còn là dự thảo: validate báo thêm đợt nào đã kết thúc (tính "
            "đến --as-of, mặc định hôm nay), tức một ngày chưa được sửa. Không được kế thừa.",
            "true while the plan is a draft (dự thảo): validate also reports a phase that has "
            "already ended (as of --as-of, default today), a date not yet updated. It is not "
            "inherited."),
)
"""The schema's words for the fields of this area (``acknowledge``, ``draft``)."""

MESSAGES: tuple[Entry, ...] = (
    *_SCHEMA,
    # ----- an issue as a line -----
    M("issue.acknowledged", "[đã ghi nhận: {reason}]", "[acknowledged: {reason}]",
      "after a warning the plan acknowledges; reason: the plan's own words"),

    # ----- validate -----
    M("semantics.help.strict",
      "thoát với mã 1 cả khi chỉ có cảnh báo chưa được ghi nhận (acknowledge) trong kế hoạch",
      "exit 1 on a warning too, unless the plan acknowledges it (acknowledge)"),
    M("semantics.help.as-of",
      "ngày dùng để kiểm tra kế hoạch dự thảo (draft: true): báo các đợt đã kết thúc trước "
      "ngày này (mặc định: hôm nay)",
      "the date a draft plan (draft: true) is checked on: phases that ended before it are "
      "reported (default: today)"),
    M("semantics.summary-warnings", "{warnings} cảnh báo ({acknowledged} đã ghi nhận)",
      "{warnings} warning(s) ({acknowledged} acknowledged)",
      "appended to the summary line of validate"),

    # ----- days in no phase -----
    M("semantics.gap.before",
      "{days} ngày từ {first:%d/%m/%Y} đến {last:%d/%m/%Y} thuộc phong trào nhưng không "
      "thuộc đợt nào: trước đợt '{phase}'",
      "{days} day(s) from {first} to {last} are in the campaign but in no phase: before "
      "phase '{phase}'"),
    M("semantics.gap.between",
      "{days} ngày từ {first:%d/%m/%Y} đến {last:%d/%m/%Y} không thuộc đợt nào: giữa đợt "
      "'{before}' và đợt '{after}'",
      "{days} day(s) from {first} to {last} are in no phase: between phase '{before}' and "
      "phase '{after}'"),
    M("semantics.gap.after",
      "{days} ngày từ {first:%d/%m/%Y} đến {last:%d/%m/%Y} (hết phong trào) không thuộc đợt "
      "nào: sau đợt '{phase}'",
      "{days} day(s) from {first} to {last} (the end of the campaign) are in no phase: after "
      "phase '{phase}'"),
    M("semantics.gap.hint",
      "kiểm tra ngày của các đợt; " + _ack("phase-gap"),
      "check the phases' dates; " + _ack_en("phase-gap")),

    # ----- reports and deadlines -----
    M("semantics.report-early",
      "báo cáo '{id}' về đợt '{phase}' phải nộp chậm nhất ngày {last:%d/%m/%Y}, trước khi "
      "đợt kết thúc (ngày {end:%d/%m/%Y})",
      "report '{id}' on phase '{phase}' is due by {last}, before the phase ends on {end}"),
    M("semantics.report-early.hint",
      "kiểm tra ngày hạn và đợt được báo cáo (phase:); "
      + _ack("report-before-phase-end"),
      "check the due date and the phase reported on (phase:); "
      + _ack_en("report-before-phase-end")),
    M("semantics.deadline.before-campaign",
      "hạn '{id}' phải xong chậm nhất ngày {last:%d/%m/%Y}, trước khi phong trào bắt đầu "
      "(ngày {start:%d/%m/%Y})",
      "deadline '{id}' is due by {last}, before the campaign starts on {start}"),
    M("semantics.deadline.after-campaign",
      "hạn '{id}' rơi vào ngày {last:%d/%m/%Y}, sau khi phong trào kết thúc (ngày "
      "{end:%d/%m/%Y}); chỉ báo cáo về một đợt (phase:) mới được có hạn sau ngày đó",
      "deadline '{id}' falls on {last}, after the campaign ends on {end}; only a report on a "
      "phase (phase:) may fall due after that day"),
    M("semantics.recurrence.before-campaign",
      "lịch lặp của hạn '{id}' bắt đầu ngày {day:%d/%m/%Y}, trước khi phong trào bắt đầu "
      "(ngày {start:%d/%m/%Y})",
      "the recurrence of deadline '{id}' starts on {day}, before the campaign starts on "
      "{start}"),
    M("semantics.recurrence.after-campaign",
      "lịch lặp của hạn '{id}' kéo dài đến ngày {day:%d/%m/%Y}, sau khi phong trào kết thúc "
      "(ngày {end:%d/%m/%Y})",
      "the recurrence of deadline '{id}' runs until {day}, after the campaign ends on {end}"),
    M("semantics.deadline.hint",
      "kiểm tra ngày hạn (thường là năm) và thời gian của phong trào",
      "check the deadline's date (often its year) and the campaign's dates"),

    # ----- a draft's old dates -----
    M("semantics.ended",
      "đợt '{id}' kết thúc ngày {end:%d/%m/%Y}, trước ngày kiểm tra {as_of:%d/%m/%Y}: kế "
      "hoạch dự thảo còn giữ ngày của kế hoạch cũ?",
      "phase '{id}' ends on {end}, before {as_of}, the date checked on: does this draft plan "
      "still hold a date of an older one?"),
    M("semantics.ended.hint",
      "sửa ngày theo văn bản mới; khi kế hoạch đã ban hành, bỏ draft: true (hoặc kiểm tra "
      "với --as-of NGÀY)",
      "correct the date from the new document; once the plan is issued, remove draft: true "
      "(or check with --as-of DATE)"),

    # ----- labels -----
    M("semantics.label.percent", "nhãn của {what} ghi {stated}, nhưng ngưỡng là {encoded}",
      "the label of {what} says {stated}, but the threshold is {encoded}",
      "encoded: thresholds written 0.85 (85%), joined by ', '"),
    M("semantics.label.phase-date",
      "nhãn của đợt '{id}' ghi ngày {stated}, không phải ngày bắt đầu hay kết thúc của đợt "
      "(kết thúc ngày {end:%d/%m/%Y})",
      "the label of phase '{id}' says {stated}, which is neither the start nor the end of the "
      "phase (it ends on {end})"),
    M("semantics.label.deadline-date",
      "nhãn của hạn '{id}' ghi ngày {stated}, khác ngày hạn ({due:%d/%m/%Y})",
      "the label of deadline '{id}' says {stated}, not its due date ({due})"),
    M("semantics.label.campaign-date",
      "tên phong trào ghi ngày {stated}, không phải ngày bắt đầu hay kết thúc của phong trào "
      "(kết thúc ngày {end:%d/%m/%Y})",
      "the campaign's name says {stated}, which is neither its start nor its end (it ends on "
      "{end})"),
    M("semantics.label.hint", "sửa nhãn hoặc giá trị cho khớp với văn bản",
      "correct the label or the value to match the document"),
    M("semantics.label.hint-inherited",
      "nhãn này kế thừa từ {file}: ghi nhãn mới cho mục này trong tệp của mình, "
      "label: {{vi: ..., en: ...}}, theo lời văn bản",
      "this label is inherited from {file}: write this item's own label in this file, "
      "label: {{vi: ..., en: ...}}, in the document's words"),
    M("semantics.what.criterion", "tiêu chí '{id}'", "criterion '{id}'"),
    M("semantics.what.target", "chỉ tiêu '{id}'", "target '{id}'"),
    M("semantics.what.condition", "điều kiện '{id}'", "condition '{id}'"),

    # ----- award tiers that cannot be met -----
    M("semantics.award.no-standard",
      "hình thức khen thưởng '{award}' không có tiêu chuẩn nào (standards): không đơn vị nào "
      "được xét",
      "award '{award}' has no standard: no unit can ever be a candidate"),
    M("semantics.award.no-condition",
      "tiêu chuẩn '{standard}' của hình thức khen thưởng '{award}' không có điều kiện nào: "
      "không biết ai đạt",
      "standard '{standard}' of award '{award}' has no condition: it cannot tell who earns "
      "the award"),
    M("semantics.award.never-holds",
      "điều kiện '{condition}' của hình thức khen thưởng '{award}' không bao giờ đạt: {why}",
      "condition '{condition}' of award '{award}' can never hold: {why}"),
    M("semantics.award.never-reviewed",
      "hình thức khen thưởng '{award}' chỉ được xét vào dịp {occasions}, mà kế hoạch này không "
      "có dịp đó (sơ kết "
      "đợt cần có đợt; tổng kết cần ngày kết thúc; đánh giá hằng năm và tổng kết giai đoạn "
      "cần phong trào không thời hạn)",
      "award '{award}' is reviewed only at {occasions}, which this plan never holds (phase "
      "reviews need phases; a final review an end date; yearly and stage reviews an "
      "open-ended movement)"),
    M("semantics.award.hint",
      "bổ sung tiêu chuẩn, điều kiện hoặc dịp xét theo văn bản; "
      + _ack("unreachable-award"),
      "complete its standards, conditions or occasions from the document; "
      + _ack_en("unreachable-award")),
    M("semantics.never.count-below-zero", "số '{metric}' không bao giờ nhỏ hơn 0",
      "the count '{metric}' is never below 0"),
    M("semantics.never.share-outside", "tỉ lệ {ratio} luôn từ 0% đến 100%",
      "the share {ratio} is always from 0% to 100%"),
    M("semantics.never.contradiction", "các điều kiện về '{what}' mâu thuẫn nhau",
      "the conditions on '{what}' contradict each other"),

    # ----- texts -----
    M("semantics.control",
      "văn bản có ký tự điều khiển hoặc ký tự ẩn {char} (ký tự thứ {position}): '{text}'",
      "the text holds the control or invisible character {char} (character {position}): "
      "'{text}'"),
    M("semantics.control.hint",
      "xóa ký tự đó, thường do sao chép từ văn bản khác; xuống dòng và Tab thì được phép",
      "delete it (often copied in from another document); line breaks and tabs are allowed"),
    M("semantics.placeholder", "'{value}' là chỗ trống chưa điền",
      "'{value}' is a placeholder not yet filled in"),
    M("semantics.placeholder.hint",
      "ghi giá trị thật theo văn bản thay cho cả chỗ trống, bỏ dấu < >",
      "write the real value from the document in its place, without the < >"),

    # ----- numbers YAML tools read differently -----
    M("semantics.number.leading-zero",
      "'{written}' được đọc là số {value}; các công cụ theo YAML 1.1 lại đọc là {other}",
      "'{written}' is read as the number {value}; YAML 1.1 tools read it as {other}"),
    M("semantics.number.hex", "'{written}' được đọc là số {value} (hệ mười sáu)",
      "'{written}' is read as the number {value} (hexadecimal)"),
    M("semantics.number.octal",
      "'{written}' được đọc là số {value} (hệ tám); các công cụ theo YAML 1.1 lại đọc là "
      "văn bản",
      "'{written}' is read as the number {value} (octal); YAML 1.1 tools read it as text"),
    M("semantics.number.plus", "'{written}' được đọc là số {value}",
      "'{written}' is read as the number {value}"),
    M("semantics.number.exponent", "'{written}' được đọc là số {value} (dạng lũy thừa)",
      "'{written}' is read as the number {value} (scientific notation)"),
    M("semantics.number.underscore",
      "'{written}' được đọc là văn bản, không phải số; các công cụ theo YAML 1.1 lại đọc là "
      "số {other}",
      "'{written}' is read as text, not a number; YAML 1.1 tools read it as the number "
      "{other}"),
    M("semantics.number.sexagesimal",
      "'{written}' được đọc là văn bản; các công cụ theo YAML 1.1 lại đọc là số {other} "
      "(hệ sáu mươi)",
      "'{written}' is read as text; YAML 1.1 tools read it as the number {other} (base 60)"),
    M("semantics.number.the-text", "văn bản '{text}'", "the text '{text}'"),
    M("semantics.number.hint",
      "viết {plain}; nếu đó là một mã hay văn bản, đặt trong dấu nháy: \"{written}\"",
      "write {plain}; if it is a code or text, put it in quotes: \"{written}\""),
    M("semantics.number.quote-hint",
      "nếu đó là giờ, một mã hay văn bản, đặt trong dấu nháy: \"{written}\"",
      "if it is a time, a code or text, put it in quotes: \"{written}\""),

    # ----- acknowledgements -----
    M("semantics.unused",
      "acknowledge ghi nhận cảnh báo '{code}', nhưng ở đây không có cảnh báo đó",
      "acknowledges the warning '{code}', but no such warning is reported here"),
    M("semantics.unused.hint",
      "xóa mục này khỏi acknowledge; trong kế hoạch kế thừa, ghi acknowledge: [] tại mục "
      "tương ứng để bỏ phần được kế thừa",
      "remove it from acknowledge; in a plan that extends another, write acknowledge: [] on "
      "the item to drop an inherited one"),
)
