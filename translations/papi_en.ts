<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AddTaskDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="33" />
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="46" />
        <source>Ví dụ: - Kế hoạch quý I/2026; - Báo cáo quý IV/2026</source>
        <translation>E.g. - Kế hoạch quý I/2026; - Báo cáo quý IV/2026</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="48" />
        <source>Chỉ số nội dung:</source>
        <translation>Dimension:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="49" />
        <source>Nhiệm vụ:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="50" />
        <source>Sản phẩm đầu ra:</source>
        <translation>Output products:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="51" />
        <source>Cơ quan chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="52" />
        <source>Cơ quan phối hợp:</source>
        <translation>Coordinating units:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="53" />
        <source>Thời gian hoàn thành:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="56" />
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AttendanceEditor</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="17" />
        <source>Thành phần</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="17" />
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="30" />
        <source>Thêm thành phần</source>
        <translation>Add a group</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="31" />
        <source>Bỏ dòng</source>
        <translation>Remove row</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="135" />
        <source>Theo dõi cam kết</source>
        <translation>Commitment follow-up</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="135" />
        <source>Cam kết</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="139" />
        <source>Đã thực hiện xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="142" />
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="143" />
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="146" />
        <source>Nội dung cam kết:</source>
        <translation>Commitment:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="147" />
        <source>Người, đơn vị thực hiện:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="148" />
        <source>Hạn:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="151" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/forms.py" line="13" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DialogueDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="61" />
        <source>Hội nghị đối thoại với Nhân dân</source>
        <translation>Dialogue conference with the people</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="65" />
        <source>Hội nghị đối thoại hằng năm với Ủy ban MTTQ</source>
        <translation>Yearly dialogue with the Fatherland Front</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="66" />
        <source>Đối thoại khác</source>
        <translation>Other dialogue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="85" />
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="86" />
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="87" />
        <source>Tên hội nghị:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="88" />
        <source>Địa điểm:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="89" />
        <source>Chủ trì:</source>
        <translation>Chaired by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="90" />
        <source>Phối hợp:</source>
        <translation>Co-organised by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="91" />
        <source>Thư ký:</source>
        <translation>Secretary:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="92" />
        <source>Thời gian:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="93" />
        <source>Thành phần dự:</source>
        <translation>Attendance:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="94" />
        <source>Chủ đề:</source>
        <translation>Topics:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="97" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>DialogueTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="43" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="44" />
        <source>Hội nghị</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="45" />
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="46" />
        <source>Chủ trì</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="47" />
        <source>Ý kiến</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="48" />
        <source>Cam kết chưa xong</source>
        <translation>Open commitments</translation>
    </message>
</context>
<context>
    <name>DialoguesPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="167" />
        <source>Thêm hội nghị đối thoại…</source>
        <translation>Add a dialogue…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="168" />
        <source>Thêm ý kiến…</source>
        <translation>Add an issue…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="169" />
        <source>Thêm cam kết…</source>
        <translation>Add a commitment…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="170" />
        <source>Cập nhật theo dõi…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="181" />
        <source>Ý kiến / cam kết</source>
        <translation>Issue / commitment</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="181" />
        <source>Người nêu / thực hiện</source>
        <translation>Raised by / owner</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="182" />
        <source>Thôn, bản / hạn</source>
        <translation>Village / due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="182" />
        <source>Trả lời / theo dõi</source>
        <translation>Answer / follow-up</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="210" />
        <source>Năm %1 chưa tổ chức hội nghị đối thoại với Nhân dân (ít nhất 01 lần/năm, Điều 32 Luật Thực hiện dân chủ ở cơ sở).</source>
        <translation>No dialogue conference with the people in %1 yet (at least one a year, Law on Grassroots Democracy, Art. 32).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="227" />
        <source>(ẩn danh)</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="232" />
        <source>Xong %1</source>
        <translation>Done %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="262" />
        <source>Hãy chọn hoặc thêm một hội nghị đối thoại trước.</source>
        <translation>Select or add a dialogue first.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="278" />
        <source>Hãy chọn một ý kiến trong danh sách.</source>
        <translation>Select an issue in the list.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="293" />
        <source>Hãy chọn một cam kết (dòng bắt đầu bằng →).</source>
        <translation>Select a commitment (a row starting with →).</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="34" />
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="34" />
        <source>Việc</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="34" />
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="35" />
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="46" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="60" />
        <source>%1 việc quá hạn, %2 việc sắp đến hạn</source>
        <translation>%1 overdue, %2 due soon</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="62" />
        <source>Không có việc nào quá hạn hoặc sắp đến hạn.</source>
        <translation>Nothing is overdue or due soon.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="65" />
        <source>Quá hạn %1 ngày</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="66" />
        <source>Còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="47" />
        <source>Nhập kế hoạch từ Excel</source>
        <translation>Import plan from Excel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="50" />
        <source>Tệp phụ lục kế hoạch (.xlsx)</source>
        <translation>Plan appendix file (.xlsx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="51" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="52" />
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="53" />
        <source>Nhập vào cơ sở dữ liệu</source>
        <translation>Import into the database</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="55" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="58" />
        <source>Chọn tệp rồi bấm Xem trước. Chưa có gì được ghi cho đến khi bạn bấm Nhập.</source>
        <translation>Choose a file, then Preview. Nothing is written until you click Import.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="80" />
        <source>Chọn tệp kế hoạch</source>
        <translation>Choose the plan file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="81" />
        <source>Bảng tính Excel (*.xlsx);;Tất cả tệp (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="104" />
        <source>Hãy chọn tệp kế hoạch .xlsx.</source>
        <translation>Choose a plan .xlsx file.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="108" />
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="109" />
        <source>Đang đọc tệp kế hoạch…</source>
        <translation>Reading the plan file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="118" />
        <source>Xem trước xong. Kiểm tra rồi bấm “Nhập vào cơ sở dữ liệu”.</source>
        <translation>Preview ready. Check it, then click “Import into the database”.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="120" />
        <source>Không có gì thay đổi: tệp này đã được nhập trước đây.</source>
        <translation>Nothing would change: this file was already imported.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="130" />
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="131" />
        <source>Đang nhập kế hoạch…</source>
        <translation>Importing the plan…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="139" />
        <source>Đã nhập: %1 nhiệm vụ mới, %2 nhiệm vụ cập nhật, %3 giữ nguyên.</source>
        <translation>Imported: %1 new tasks, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="149" />
        <source>Đã hủy. Dữ liệu không thay đổi.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="161" />
        <source>Năm kế hoạch: %1</source>
        <translation>Plan year: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="162" />
        <source>Văn bản: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="163" />
        <source>Tổng số nhiệm vụ: %1</source>
        <translation>Tasks in total: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="167" />
        <source>Mốc thời gian có ngày: %1; không có ngày (thường xuyên, theo quy định…): %2</source>
        <translation>Milestones with a date: %1; without a date (recurring, as regulated…): %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="170" />
        <source>Chỉ tiêu: %1</source>
        <translation>Indicators: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="171" />
        <source>Thêm mới: %1 · Thay đổi: %2 · Giữ nguyên: %3</source>
        <translation>New: %1 · Changed: %2 · Unchanged: %3</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="175" />
        <source>Các dòng không hiểu được (%1):</source>
        <translation>Rows not understood (%1):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="178" />
        <source>  Dòng %1: %2 — %3</source>
        <translation>  Row %1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="33" />
        <source>Thêm chỉ tiêu</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="39" />
        <source>Chỉ tiêu:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="40" />
        <source>Đơn vị tính:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="41" />
        <source>Mục tiêu:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="42" />
        <source>Cơ quan theo dõi:</source>
        <translation>Monitoring body:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="45" />
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="61" />
        <source>Thêm chỉ tiêu…</source>
        <translation>Add indicator…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="63" />
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="63" />
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="63" />
        <source>Mục tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="64" />
        <source>Cơ quan theo dõi</source>
        <translation>Monitoring body</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="64" />
        <source>Thực hiện trong kỳ</source>
        <translation>Actual in the period</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="70" />
        <source>Kế hoạch chưa có chỉ tiêu. Chỉ tiêu được nhập cùng tệp kế hoạch (bảng STT, Chỉ tiêu, Đơn vị tính, Kết quả…) hoặc thêm tại đây.</source>
        <translation>The plan has no indicators. They are imported with the plan file (a table with STT, Chỉ tiêu, Đơn vị tính, Kết quả…) or added here.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="74" />
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="110" />
        <source>Ý kiến, kiến nghị tại hội nghị</source>
        <translation>Issue raised at the conference</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="112" />
        <source>Để trống nếu người nêu không muốn ghi tên</source>
        <translation>Leave empty if the speaker prefers not to be named</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="121" />
        <source>Người nêu:</source>
        <translation>Raised by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="122" />
        <source>Thôn, bản:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="123" />
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="124" />
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="125" />
        <source>Người trả lời:</source>
        <translation>Answered by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="126" />
        <source>Trả lời, giải trình:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="129" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="22" />
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="23" />
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="24" />
        <source>Tiếp công dân</source>
        <translation>Citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="25" />
        <source>Đơn thư</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="26" />
        <source>Đối thoại</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="27" />
        <source>Công khai</source>
        <translation>Public postings</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="28" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="29" />
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="30" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="59" />
        <source>Đang mở dữ liệu…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="82" />
        <source> (xã mẫu)</source>
        <translation> (demo commune)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="128" />
        <source>Đã lưu ngôn ngữ; mở lại chương trình để áp dụng.</source>
        <translation>Language saved; restart the program to apply it.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="131" />
        <source>Chức năng này chưa có trong phiên bản %1. Nó sẽ có trong các bản cập nhật tiếp theo; dữ liệu hiện có không bị ảnh hưởng.</source>
        <translation>This function is not in version %1 yet. It comes in a later update; your data is not affected.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="136" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="137" />
        <source>Nhập kế hoạch từ Excel…</source>
        <translation>Import plan from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="142" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="148" />
        <source>&amp;Trợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="149" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="151" />
        <source>PAPI Desktop %1 — quản lý kế hoạch cải thiện chỉ số PAPI và hồ sơ trách nhiệm giải trình của xã, phường tỉnh Sơn La. Làm việc không cần mạng.</source>
        <translation>PAPI Desktop %1 — the PAPI improvement plan and accountability records of Sơn La's communes and wards. Works without a network.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="19" />
        <source>Đã xảy ra lỗi không mong muốn: %1. Dữ liệu không bị thay đổi. Hãy báo cho bộ phận hỗ trợ kèm thông báo này.</source>
        <translation>An unexpected error occurred: %1. No data was changed. Report it to support with this message.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="25" />
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="27" />
        <location filename="../papi_desktop/ui/widgets/messages.py" line="34" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="32" />
        <source>Thông báo</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="39" />
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="41" />
        <source>Đồng ý</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="42" />
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="68" />
        <source>Thêm mốc thời gian</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="71" />
        <source>ngày/tháng/năm, để trống nếu không có hạn</source>
        <translation>day/month/year, empty if there is no due date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="73" />
        <source>Sản phẩm, nội dung:</source>
        <translation>Product, content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="74" />
        <source>Hạn:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="77" />
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>PetitionDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="80" />
        <source>Vào sổ đơn</source>
        <translation>Register a petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="84" />
        <source>Qua tiếp công dân</source>
        <translation>At a citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="84" />
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="85" />
        <source>Qua cổng thông tin</source>
        <translation>Through the portal</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="85" />
        <source>Cơ quan khác chuyển</source>
        <translation>Forwarded by another body</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="86" />
        <source>Hộp thư góp ý</source>
        <translation>Suggestion box</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="95" />
        <source>Đủ điều kiện xử lý</source>
        <translation>Eligible for processing</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="97" />
        <source>Thuộc thẩm quyền của xã</source>
        <translation>Within the commune's authority</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="99" />
        <source>Vùng sâu, vùng xa đi lại khó khăn</source>
        <translation>Remote area, hard to travel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="100" />
        <source>Vụ việc phức tạp</source>
        <translation>Complex case</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="102" />
        <source>Ngày nhận:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="103" />
        <source>Nguồn đơn:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="104" />
        <source>Người gửi:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="105" />
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="106" />
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="107" />
        <source>Phân loại:</source>
        <translation>Classification:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="112" />
        <source>Vào sổ</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>PetitionTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="48" />
        <source>Số đến</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="49" />
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="50" />
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="51" />
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="52" />
        <source>Loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="53" />
        <source>Bước tiếp theo</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="54" />
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="66" />
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>PetitionsPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="33" />
        <source>Khiếu nại</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="34" />
        <source>Tố cáo</source>
        <translation>Denunciation</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="35" />
        <source>Kiến nghị, phản ánh</source>
        <translation>Petition or feedback</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="36" />
        <source>Nhiều nội dung</source>
        <translation>Several matters</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="162" />
        <source>Tìm theo người gửi, nội dung, số đến (không dấu cũng được)…</source>
        <translation>Search sender, content, number (accents optional)…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="165" />
        <source>Đang theo dõi</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="166" />
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="167" />
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="168" />
        <source>Vào sổ đơn (Ctrl+N)</source>
        <translation>Register a petition (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="169" />
        <source>Ghi bước xử lý…</source>
        <translation>Record a step…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="206" />
        <source>%1 đơn</source>
        <translation>%1 petitions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="227" />
        <source>Hãy chọn một đơn trong danh sách.</source>
        <translation>Select a petition in the list.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="56" />
        <source>Tìm nhiệm vụ (gõ không dấu cũng được)… Ctrl+F</source>
        <translation>Search tasks (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="60" />
        <source>Tất cả chỉ số</source>
        <translation>All dimensions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="64" />
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="70" />
        <source>Chỉ nhiệm vụ quá hạn</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="71" />
        <source>Nhập kế hoạch từ Excel…</source>
        <translation>Import plan from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="72" />
        <source>Thêm nhiệm vụ…</source>
        <translation>Add task…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="109" />
        <source>Tiến độ theo chỉ số nội dung</source>
        <translation>Progress by dimension</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="110" />
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="164" />
        <source>Chưa có kế hoạch. Bấm “Nhập kế hoạch từ Excel…” để nhập phụ lục kế hoạch.</source>
        <translation>No plan yet. Click “Import plan from Excel…” to import the plan appendix.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="167" />
        <source>Kế hoạch cải thiện chỉ số PAPI năm %1</source>
        <translation>PAPI improvement plan %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="172" />
        <source>Mọi cơ quan chủ trì</source>
        <translation>Any lead unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="199" />
        <source>%1 nhiệm vụ</source>
        <translation>%1 tasks</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="88" />
        <source>Cập nhật tiến độ</source>
        <translation>Progress update</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="101" />
        <source>Số, ký hiệu văn bản</source>
        <translation>Document number/symbol</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="101" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="102" />
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="102" />
        <source>Tệp đính kèm</source>
        <translation>Attached file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="106" />
        <source>Thêm văn bản</source>
        <translation>Add document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="107" />
        <source>Đính kèm tệp…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="108" />
        <source>Bỏ dòng</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="118" />
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="119" />
        <source>Kết quả thực hiện:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="120" />
        <source>Ngày cập nhật:</source>
        <translation>Reported on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="125" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="138" />
        <source>Chọn tệp minh chứng</source>
        <translation>Choose the evidence file</translation>
    </message>
</context>
<context>
    <name>QtProgress</name>
    <message>
        <location filename="../papi_desktop/ui/progress.py" line="26" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/progress.py" line="27" />
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
</context>
<context>
    <name>ReceptionDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="48" />
        <source>Ghi sổ tiếp công dân</source>
        <translation>Record a citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="52" />
        <source>Thường xuyên (công chức được phân công)</source>
        <translation>Regular (assigned officer)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="53" />
        <source>Định kỳ (Chủ tịch UBND tiếp)</source>
        <translation>Periodic (the chairman receives)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="54" />
        <source>Đột xuất (lãnh đạo tiếp)</source>
        <translation>Ad hoc (a leader receives)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="58" />
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="58" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="59" />
        <source>CCCD/giấy tờ</source>
        <translation>ID number/document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="59" />
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="60" />
        <source>Đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="65" />
        <source>Thêm công dân (Ctrl+Shift+N)</source>
        <translation>Add citizen (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="72" />
        <source>Khiếu nại</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="72" />
        <source>Tố cáo</source>
        <translation>Denunciation</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="73" />
        <source>Kiến nghị</source>
        <translation>Petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="73" />
        <source>Phản ánh</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="77" />
        <source>Chưa xử lý</source>
        <translation>Not handled yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="77" />
        <source>Thụ lý</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="78" />
        <source>Hướng dẫn</source>
        <translation>Guided</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="78" />
        <source>Chuyển đơn</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="84" />
        <source>Cơ quan, đơn vị nhận hoặc được hướng dẫn đến</source>
        <translation>Authority receiving it or the citizen was guided to</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="86" />
        <source>Số văn bản hướng dẫn / chuyển đơn</source>
        <translation>Number of the guidance / forwarding document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="89" />
        <source>Vào sổ đơn để theo dõi hạn trả lời công dân (10 ngày làm việc)</source>
        <translation>Enter in the petition register to follow the reply deadline (10 working days)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="99" />
        <source>Ngày tiếp:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="100" />
        <source>Hình thức tiếp:</source>
        <translation>Reception type:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="101" />
        <source>Người tiếp:</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="102" />
        <source>Công dân:</source>
        <translation>Citizens:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="104" />
        <source>Số người:</source>
        <translation>Number of people:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="105" />
        <source>Nội dung vụ việc:</source>
        <translation>Matter:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="106" />
        <source>Phân loại:</source>
        <translation>Classification:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="107" />
        <source>Cơ quan đã giải quyết:</source>
        <translation>Authorities that already handled it:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="108" />
        <source>Hướng xử lý:</source>
        <translation>Handling:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="111" />
        <source>Theo dõi kết quả:</source>
        <translation>Follow-up of the result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="112" />
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="116" />
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="137" />
        <source>Năm sinh “%1” phải là số, ví dụ 1985.</source>
        <translation>Birth year “%1” must be a number, e.g. 1985.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="50" />
        <source>Tìm theo họ tên, địa chỉ, nội dung (không dấu cũng được)… Ctrl+F</source>
        <translation>Search names, addresses, content (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="53" />
        <source>Tất cả thời gian</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="62" />
        <source>Mọi hình thức</source>
        <translation>Any type</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="63" />
        <source>Thường xuyên</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="63" />
        <source>Định kỳ</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="64" />
        <source>Đột xuất</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="66" />
        <source>Ghi lượt tiếp (Ctrl+N)</source>
        <translation>Record a visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="67" />
        <source>Nhập sổ từ Excel…</source>
        <translation>Import book from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="123" />
        <source>%1 lượt tiếp</source>
        <translation>%1 visits</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="129" />
        <source>Chủ tịch UBND chưa có buổi tiếp định kỳ trong %1 tuần (ít nhất 01 ngày/tuần), tuần gần nhất bắt đầu %2.</source>
        <translation>The chairman has no periodic reception in %1 weeks (at least one day a week is required); the latest such week starts %2.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="145" />
        <source>Chọn sổ tiếp công dân</source>
        <translation>Choose the reception book</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="146" />
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="153" />
        <source>Đang đọc sổ tiếp công dân…</source>
        <translation>Reading the reception book…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="162" />
        <source>Dòng %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="164" />
        <source>Tệp có %1 dòng lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.

</source>
        <translation>The file has %1 rows with errors; nothing was written. Fix the file and import again.

</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="168" />
        <source>%1 lượt tiếp trong tệp: %2 lượt mới, %3 lượt đã có trong sổ. Nhập các lượt mới?</source>
        <translation>%1 visits in the file: %2 new, %3 already in the book. Import the new ones?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="174" />
        <source>Đang nhập sổ tiếp công dân…</source>
        <translation>Importing the reception book…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="183" />
        <source>Đã nhập %1 lượt tiếp.</source>
        <translation>Imported %1 visits.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="188" />
        <source>Đã hủy. Dữ liệu không thay đổi.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
</context>
<context>
    <name>ReceptionTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="18" />
        <source>Ngày tiếp</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="19" />
        <source>Hình thức</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="20" />
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="21" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="22" />
        <source>CCCD</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="23" />
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="24" />
        <source>Nội dung vụ việc</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="25" />
        <source>Phân loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="26" />
        <source>Hướng xử lý</source>
        <translation>Handling</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="41" />
        <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation>A new language applies when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="42" />
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="44" />
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="54" />
        <source>Lưu thông tin đơn vị</source>
        <translation>Save unit details</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="55" />
        <source>Đơn vị và người ký</source>
        <translation>Unit and signatories</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="57" />
        <source>Xã, phường:</source>
        <translation>Commune or ward:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="58" />
        <source>Họ tên Chủ tịch UBND:</source>
        <translation>Chairman's full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="59" />
        <source>Chức danh người ký:</source>
        <translation>Signatory's title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="60" />
        <source>Họ tên Phó Chủ tịch:</source>
        <translation>Vice chairman's full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="61" />
        <source>Công chức phụ trách:</source>
        <translation>Officer in charge:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="62" />
        <source>Chức danh công chức:</source>
        <translation>Officer's title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="65" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="66" />
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="68" />
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="69" />
        <source>Bản sao lưu:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="110" />
        <source>Đã sao lưu vào %1</source>
        <translation>Backed up to %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="34" />
        <source>Thiết lập PAPI Desktop</source>
        <translation>Set up PAPI Desktop</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="36" />
        <source>Chọn xã, phường dùng chương trình và nhập tên các chức danh ký báo cáo. Có thể sửa lại trong Cài đặt.</source>
        <translation>Choose the commune or ward using the program and the names of those who sign reports. You can change them later in Settings.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="45" />
        <source>Gõ tên xã, phường để tìm…</source>
        <translation>Type a commune or ward name to search…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="55" />
        <source>Xã, phường:</source>
        <translation>Commune or ward:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="56" />
        <source>Họ tên Chủ tịch UBND:</source>
        <translation>Chairman's full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="57" />
        <source>Chức danh người ký:</source>
        <translation>Signatory's title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="58" />
        <source>Họ tên Phó Chủ tịch:</source>
        <translation>Vice chairman's full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="59" />
        <source>Công chức phụ trách:</source>
        <translation>Officer in charge:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="60" />
        <source>Chức danh công chức:</source>
        <translation>Officer's title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="61" />
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="63" />
        <source>Mở xã mẫu để dùng thử</source>
        <translation>Open the demo commune</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="64" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="85" />
        <source>Hãy chọn xã, phường trong danh sách 75 đơn vị của tỉnh Sơn La.</source>
        <translation>Choose a commune or ward from the list of Sơn La's 75 units.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="128" />
        <source>Ghi bước xử lý đơn</source>
        <translation>Record a processing step</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="130" />
        <source>Phiếu đề xuất thụ lý</source>
        <translation>Proposal to accept</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="130" />
        <source>Phiếu chuyển đơn</source>
        <translation>Transfer slip</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="131" />
        <source>Hướng dẫn, trả lại đơn</source>
        <translation>Guidance, petition returned</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="131" />
        <source>Thông báo thụ lý</source>
        <translation>Notice of acceptance</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="132" />
        <source>Quyết định, kết luận giải quyết</source>
        <translation>Resolution decision or conclusion</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="133" />
        <source>Trả lời công dân</source>
        <translation>Reply to the citizen</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="133" />
        <source>Lưu đơn</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="138" />
        <source>Kết thúc theo dõi đơn này</source>
        <translation>Close this petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="140" />
        <source>Bước:</source>
        <translation>Step:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="141" />
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="142" />
        <source>Số, ký hiệu văn bản:</source>
        <translation>Document number/symbol:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="143" />
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="147" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="10" />
        <source>Chỉ số nội dung</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="11" />
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="12" />
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="13" />
        <source>Đang làm</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="14" />
        <source>Chưa làm</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="15" />
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="16" />
        <source>% hoàn thành</source>
        <translation>% done</translation>
    </message>
</context>
<context>
    <name>TaskDetailPanel</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="53" />
        <location filename="../papi_desktop/ui/views/task_detail.py" line="157" />
        <source>Chọn một nhiệm vụ trong danh sách để xem và cập nhật.</source>
        <translation>Select a task in the list to view and update it.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="72" />
        <source>Lưu thay đổi (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="73" />
        <source>Xóa nhiệm vụ</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="75" />
        <source>TT:</source>
        <translation>No.:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="76" />
        <source>Nhiệm vụ:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="77" />
        <source>Sản phẩm đầu ra:</source>
        <translation>Output products:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="78" />
        <source>Cơ quan chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="79" />
        <source>Cơ quan phối hợp:</source>
        <translation>Coordinating units:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="80" />
        <source>Thời gian hoàn thành:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="81" />
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="82" />
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="89" />
        <source>Mốc</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="89" />
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="89" />
        <source>Hoàn thành ngày</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="105" />
        <source>Đánh dấu mốc đã xong</source>
        <translation>Mark milestone done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="106" />
        <source>Thêm mốc…</source>
        <translation>Add milestone…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="107" />
        <source>Xóa mốc</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="112" />
        <source>Mốc thời gian</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="118" />
        <source>Kỳ / văn bản</source>
        <translation>Period / document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="118" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="118" />
        <source>Kết quả / trích yếu</source>
        <translation>Result / summary</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="122" />
        <source>Cập nhật tiến độ…</source>
        <translation>Update progress…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="123" />
        <source>Mở tệp minh chứng</source>
        <translation>Open evidence file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="128" />
        <source>Tiến độ và minh chứng</source>
        <translation>Progress and evidence</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="172" />
        <source>Nhiệm vụ %1 — chỉ số %2</source>
        <translation>Task %1 — dimension %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="184" />
        <source>(không có ngày)</source>
        <translation>(no date)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="219" />
        <source>Hãy chọn một mốc trong bảng.</source>
        <translation>Select a milestone in the table.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="244" />
        <source>Xóa mốc thời gian đã chọn?</source>
        <translation>Delete the selected milestone?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="265" />
        <source>Hãy chọn một văn bản minh chứng có tệp đính kèm.</source>
        <translation>Select an evidence document that has an attached file.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="270" />
        <source>Xóa nhiệm vụ này khỏi kế hoạch? Lịch sử thay đổi vẫn được giữ.</source>
        <translation>Delete this task from the plan? Its change history is kept.</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="22" />
        <source>Chỉ số</source>
        <translation>Dim.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="23" />
        <source>TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="24" />
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="25" />
        <source>Cơ quan chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="26" />
        <source>Thời gian hoàn thành</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="27" />
        <source>Hạn gần nhất</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/task_model.py" line="28" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
</TS>