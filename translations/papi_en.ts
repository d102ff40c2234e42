<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AccountDialogs</name>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="40"/>
        <source>Đăng nhập PAPI Desktop</source>
        <translation>Log in to PAPI Desktop</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="41"/>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="55"/>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="41"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="42"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="43"/>
        <source>Máy này dùng tài khoản riêng cho từng người. Quên mật khẩu: nhờ quản trị viên của xã đặt lại. Nhập sai 5 lần, tài khoản tạm khóa 15 phút.</source>
        <translation>This PC has an account for each person. Forgot your password? Ask the commune&apos;s administrator to reset it. After 5 wrong passwords the account is locked for 15 minutes.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="54"/>
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="55"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="56"/>
        <source>Mật khẩu (ít nhất 8 ký tự):</source>
        <translation>Password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="57"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="58"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="59"/>
        <source>Người quản trị thêm tài khoản cho cán bộ, lãnh đạo, đặt lại mật khẩu khi quên và khôi phục dữ liệu. Từ nay mỗi người đăng nhập bằng tài khoản của mình; mọi thao tác được ghi vào nhật ký theo tài khoản.</source>
        <translation>The administrator adds accounts for staff and leaders, resets forgotten passwords and restores data. From now on everyone logs in with their own account; every action is entered in the audit trail under that account.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="70"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="71"/>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="72"/>
        <source>Mật khẩu mới (ít nhất 8 ký tự):</source>
        <translation>New password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="73"/>
        <source>Nhập lại mật khẩu mới:</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="74"/>
        <source>Đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/login_dialog.py" line="76"/>
        <source>Mật khẩu này do quản trị viên đặt: hãy đổi thành mật khẩu chỉ mình biết trước khi làm việc.</source>
        <translation>This password was set by an administrator: change it to one only you know before you start.</translation>
    </message>
</context>
<context>
    <name>AccountsBox</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="85"/>
        <source>Tài khoản người dùng</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="89"/>
        <source>Tạo quản trị viên…</source>
        <translation>Create administrator…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="93"/>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="94"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="95"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="96"/>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="188"/>
        <source>Khóa tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="97"/>
        <source>Đổi vai trò…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="132"/>
        <source>Chưa có tài khoản: ai mở chương trình cũng có mọi quyền. Tạo quản trị viên để mỗi người đăng nhập bằng tài khoản của mình.</source>
        <translation>No accounts yet: whoever opens the program may do everything. Create an administrator so that each person logs in with their own account.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="135"/>
        <source>Chỉ quản trị viên mới quản lý được tài khoản người dùng.</source>
        <translation>Only an administrator manages user accounts.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="137"/>
        <source>Đang đăng nhập: %1. Tài khoản mới và mật khẩu được đặt lại phải đổi mật khẩu ở lần đăng nhập sau.</source>
        <translation>Logged in: %1. New accounts and reset passwords must change their password at the next login.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="153"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="153"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="153"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="154"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="154"/>
        <source>Đăng nhập lần cuối</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="158"/>
        <source>chưa đăng nhập</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="168"/>
        <source>đã khóa</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="171"/>
        <source>tạm khóa đến %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="173"/>
        <source>phải đổi mật khẩu</source>
        <translation>must change password</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="174"/>
        <source>đang dùng</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="187"/>
        <source>Mở lại</source>
        <translation>Enable again</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="228"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="239"/>
        <source>Đã tạo quản trị viên %1 và đăng nhập bằng tài khoản này. Từ lần mở chương trình sau, mỗi người cần đăng nhập.</source>
        <translation>Administrator %1 was created and is logged in. From the next start of the program, everyone must log in.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="242"/>
        <source>Tạo quản trị viên</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="243"/>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="260"/>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="243"/>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="260"/>
        <source>Họ tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="244"/>
        <source>Mật khẩu (ít nhất %1 ký tự):</source>
        <translation>Password (at least %1 characters):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="244"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="256"/>
        <source>Đã thêm tài khoản %1 (%2). Người này phải đổi mật khẩu ở lần đăng nhập đầu.</source>
        <translation>Account %1 (%2) was added. Its owner must change the password at the first login.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="259"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="261"/>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="321"/>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="263"/>
        <source>Mật khẩu tạm (ít nhất %1 ký tự):</source>
        <translation>Temporary password (at least %1 characters):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="263"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="276"/>
        <source>Đặt lại mật khẩu cho %1</source>
        <translation>Reset the password of %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="277"/>
        <source>Mật khẩu mới (ít nhất %1 ký tự):</source>
        <translation>New password (at least %1 characters):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="277"/>
        <source>Đặt lại</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="278"/>
        <source>Đã đặt lại mật khẩu của %1. Người này phải đổi mật khẩu ở lần đăng nhập sau.</source>
        <translation>The password of %1 was reset. They must change it at the next login.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="280"/>
        <source>Người dùng %1 đăng nhập bằng mật khẩu mới này rồi phải đổi sang mật khẩu của riêng mình; tài khoản được mở khóa nếu đang tạm khóa.</source>
        <translation>%1 logs in with this new password, then must change it to one of their own; the account is unlocked if it was locked.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="288"/>
        <source>Đã mở khóa %1.</source>
        <translation>%1 was unlocked.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="293"/>
        <source>Đây là tài khoản bạn đang đăng nhập.</source>
        <translation>This is the account you are logged in with.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="302"/>
        <source>Khóa tài khoản %1 (%2)? Người này sẽ không đăng nhập được cho đến khi được mở lại.</source>
        <translation>Disable the account %1 (%2)? This person cannot log in until it is enabled again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="305"/>
        <source>Đã khóa tài khoản %1.</source>
        <translation>The account %1 was disabled.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="307"/>
        <source>Đã mở lại tài khoản %1.</source>
        <translation>The account %1 was enabled again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="320"/>
        <source>Đổi vai trò của %1</source>
        <translation>Change the role of %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="322"/>
        <source>Đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="331"/>
        <source>Đổi vai trò của %1 từ “%2” sang “%3”? Người này chỉ còn các quyền của vai trò mới.</source>
        <translation>Change the role of %1 from “%2” to “%3”? They keep only the new role&apos;s permissions.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="335"/>
        <source>Người này sẽ không còn quản lý được tài khoản và cài đặt.</source>
        <translation>They will no longer manage accounts and settings.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/accounts_box.py" line="341"/>
        <source>Vai trò của %1 nay là “%2”.</source>
        <translation>The role of %1 is now “%2”.</translation>
    </message>
</context>
<context>
    <name>AddTaskDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="38"/>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="51"/>
        <source>Ví dụ: - Kế hoạch quý I/2026; - Báo cáo quý IV/2026</source>
        <translation>E.g. - Kế hoạch quý I/2026; - Báo cáo quý IV/2026</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="53"/>
        <source>Chỉ số nội dung:</source>
        <translation>Dimension:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="54"/>
        <source>Nhiệm vụ:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="55"/>
        <source>Sản phẩm đầu ra:</source>
        <translation>Output products:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="56"/>
        <source>Cơ quan chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="57"/>
        <source>Cơ quan phối hợp:</source>
        <translation>Coordinating units:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="58"/>
        <source>Thời gian hoàn thành:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="60"/>
        <source>Máy này không giữ sổ của xã: nếu máy khác cũng thêm nhiệm vụ vào chỉ số này khi chưa đồng bộ, máy giữ sổ có thể đánh lại số và thứ tự của nhiệm vụ khi nhận dữ liệu của máy này.</source>
        <translation>This PC does not keep the commune&apos;s registers: if another PC also adds a task to this dimension before syncing, the registry PC may renumber and reorder the task when it receives this PC&apos;s data.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="66"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AttendanceEditor</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="17"/>
        <source>Thành phần</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="17"/>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="31"/>
        <source>Thêm thành phần</source>
        <translation>Add a group</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/attendance.py" line="32"/>
        <source>Bỏ dòng</source>
        <translation>Remove row</translation>
    </message>
</context>
<context>
    <name>AuditButton</name>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="300"/>
        <source>Nhật ký thao tác…</source>
        <translation>Activity log…</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="102"/>
        <source>Nhật ký thao tác</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="105"/>
        <source>Mọi người</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="107"/>
        <source>Mọi loại</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="111"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="111"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="130"/>
        <source>Chọn một mục để xem chi tiết.</source>
        <translation>Select an entry to see its details.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="131"/>
        <source>Kiểm tra tính toàn vẹn</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="132"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="134"/>
        <source>Mỗi thao tác được ghi kèm mã băm nối chuỗi: sửa, xóa hay chèn một mục đều bị phát hiện khi kiểm tra.</source>
        <translation>Every action is recorded with a chained hash: changing, deleting or inserting an entry is detected by the check.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="139"/>
        <source>Người thực hiện:</source>
        <translation>Done by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="139"/>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="189"/>
        <source>%1 mục</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="222"/>
        <source>Mục số %1 — %2 — %3</source>
        <translation>Entry %1 — %2 — %3</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="223"/>
        <source>(chương trình)</source>
        <translation>(the program)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="224"/>
        <source>Máy: %1. Mã băm: %2</source>
        <translation>Computer: %1. Hash: %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="225"/>
        <source>thêm</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="225"/>
        <source>sửa</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="225"/>
        <source>xóa</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="232"/>
        <source>… và %1 thay đổi khác.</source>
        <translation>… and %1 other changes.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="241"/>
        <source>Đang kiểm tra nhật ký thao tác…</source>
        <translation>Checking the activity log…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="243"/>
        <source>Đang kiểm tra tính toàn vẹn của nhật ký…</source>
        <translation>Checking the log&apos;s integrity…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="253"/>
        <source>Toàn vẹn. %1</source>
        <translation>Intact. %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="255"/>
        <source>CẢNH BÁO: nhật ký đã bị can thiệp. %1</source>
        <translation>WARNING: the log has been tampered with. %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="284"/>
        <source>Đã hủy.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="38"/>
        <source>Thay đổi dữ liệu</source>
        <translation>Data change</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="39"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="40"/>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="41"/>
        <source>Ký số</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="42"/>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="43"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="44"/>
        <source>Khóa, chứng thư</source>
        <translation>Keys, certificates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="45"/>
        <source>Đăng nhập</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="46"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="47"/>
        <source>Dữ liệu cá nhân</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="48"/>
        <source>Bắt đầu nhật ký</source>
        <translation>Log started</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="61"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="61"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="62"/>
        <source>Người thực hiện</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="62"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="63"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/audit_dialog.py" line="72"/>
        <source>(chương trình)</source>
        <translation>(the program)</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="117"/>
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="134"/>
        <source>Mật khẩu sao lưu</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="137"/>
        <source>Nhập lại mật khẩu mới</source>
        <translation>Repeat the new passphrase</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="140"/>
        <source>Chọn thư mục USB…</source>
        <translation>Choose a USB folder…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="141"/>
        <source>Bỏ thư mục USB</source>
        <translation>Stop using the USB folder</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="142"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="143"/>
        <source>Sao lưu vào thư mục…</source>
        <translation>Back up to a folder…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="144"/>
        <source>Mở tệp sao lưu…</source>
        <translation>Open a backup file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="145"/>
        <source>Kiểm tra</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="146"/>
        <source>Khôi phục…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="147"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="148"/>
        <source>Bản sao lưu được mã hóa; cần mật khẩu sao lưu để kiểm tra hoặc khôi phục.</source>
        <translation>Backups are encrypted; verifying or restoring one needs the backup passphrase.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="154"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="160"/>
        <source>Thư mục USB:</source>
        <translation>USB folder:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="205"/>
        <source>Đã đặt mật khẩu sao lưu. Sao lưu tự động hằng ngày và trước mỗi lần nhập dữ liệu, không cần nhập mật khẩu.</source>
        <translation>The backup passphrase is set. Backups are made automatically every day and before each import, without asking for the passphrase.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="207"/>
        <source>Chưa đặt mật khẩu sao lưu: hãy đặt một mật khẩu (ít nhất 8 ký tự, khó đoán) và bấm “Sao lưu ngay”. Ghi nhớ nó: không có nó thì không khôi phục được.</source>
        <translation>No backup passphrase is set: choose one (8 characters or more, hard to guess) and click “Back up now”. Remember it: without it, no backup can be restored.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="210"/>
        <source>Chưa đặt mật khẩu sao lưu. Quản trị viên đặt mật khẩu này ở lần sao lưu đầu tiên; sau đó ai biết mật khẩu cũng sao lưu được.</source>
        <translation>No backup passphrase is set yet. An administrator sets it at the first backup; after that anyone who knows it can make backups.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="213"/>
        <source>(chưa chọn: bản sao lưu chỉ ở trên máy này)</source>
        <translation>(none chosen: backups are kept on this PC only)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="232"/>
        <source>Chọn thư mục để ghi bản sao lưu (ví dụ ổ USB)</source>
        <translation>Choose the folder to write the backup to (a USB stick, for example)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="241"/>
        <source>Hãy nhập mật khẩu sao lưu.</source>
        <translation>Enter the backup passphrase.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="244"/>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two new passphrases differ.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="253"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="254"/>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up the data…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="266"/>
        <source>Đã sao lưu: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="267"/>
        <source>Đã chép sang: %1</source>
        <translation>Copied to: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="275"/>
        <source>Chọn thư mục trên ổ USB nhận bản sao lưu tự động</source>
        <translation>Choose the folder on the USB stick for automatic backups</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="287"/>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="288"/>
        <source>Bản sao lưu PAPI (papi-backup-*.age);;Tất cả tệp (*)</source>
        <translation>PAPI backups (papi-backup-*.age);;All files (*)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="299"/>
        <source>Tệp này không phải bản sao lưu của PAPI Desktop (tên tệp không đúng dạng).</source>
        <translation>This file is not a PAPI Desktop backup (its name is not in the right form).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="308"/>
        <source>Hãy chọn một bản sao lưu trong danh sách.</source>
        <translation>Choose a backup in the list.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="315"/>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Verifying the backup…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="318"/>
        <source>Đang kiểm tra…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="329"/>
        <source>Bản sao lưu tốt: giải mã trọn vẹn, mọi tệp đúng bản kê khai, cơ sở dữ liệu toàn vẹn.</source>
        <translation>The backup is good: it decrypts in full, every file matches the manifest and the database is intact.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="334"/>
        <source>Bản sao lưu ngày %1 (%2) của đơn vị %3, máy %4: %5 thay đổi, %6 tệp đính kèm.</source>
        <translation>Backup made %1 (%2) for unit %3, PC %4; changes: %5, attached files: %6.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="341"/>
        <source>Đang kiểm tra bản sao lưu trước khi khôi phục…</source>
        <translation>Verifying the backup before restoring…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="356"/>
        <source>Khôi phục sẽ thay toàn bộ cơ sở dữ liệu và các tệp (tệp đính kèm, khóa, chứng thư tin cậy, dữ liệu đồng bộ) trong thư mục %1 bằng nội dung của bản sao lưu này. Dữ liệu hiện tại được sao lưu trước (bản “Trước khi khôi phục”).</source>
        <translation>Restoring replaces the whole database and the files (attached files, keys, trusted certificates, sync data) in the folder %1 with the contents of this backup. The current data is backed up first (the “Before a restore” backup).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="360"/>
        <source>Bản sao lưu này là của một máy khác (máy %1).</source>
        <translation>This backup comes from another PC (PC %1).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="362"/>
        <source>%1 thay đổi làm trên máy này sau bản sao lưu sẽ không còn trên máy.</source>
        <translation>Changes made on this PC after the backup, which will no longer be on it: %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="365"/>
        <source>%1 thay đổi trong số đó đã gửi lên tỉnh: tỉnh vẫn giữ chúng, và máy này đánh số các thay đổi mới tiếp sau chúng, nên việc đồng bộ vẫn tiếp tục.</source>
        <translation>%1 of them were already sent to the province: the province keeps them, and this PC numbers its new changes after them, so sync goes on.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="368"/>
        <source>Sau khi khôi phục, chương trình sẽ mở lại dữ liệu. Khôi phục?</source>
        <translation>After the restore, the program opens the data again. Restore?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="374"/>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="396"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore the data</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="376"/>
        <source>Chưa khôi phục; dữ liệu không thay đổi.</source>
        <translation>Nothing was restored; the data is unchanged.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="378"/>
        <source>Đang khôi phục…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="379"/>
        <source>Đang khôi phục dữ liệu…</source>
        <translation>Restoring the data…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="389"/>
        <source>Đã khôi phục dữ liệu từ bản sao lưu.</source>
        <translation>The data was restored from the backup.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="391"/>
        <source>Dữ liệu bị thay được giữ trong bản sao lưu %1.</source>
        <translation>The data it replaced is kept in the backup %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="393"/>
        <source>Dữ liệu bị thay được giữ trong thư mục %1.</source>
        <translation>The data it replaced is kept in the folder %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="427"/>
        <source>Đã hủy. Dữ liệu không thay đổi.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="66"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="66"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="66"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="66"/>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="84"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="88"/>
        <source>Bằng tay</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="88"/>
        <source>Hằng ngày</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="89"/>
        <source>Trước khi nâng cấp</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="89"/>
        <source>Trước khi nhập dữ liệu</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/backup_dialog.py" line="90"/>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
</context>
<context>
    <name>BudgetEntryDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="36"/>
        <source>Nhập bảng ngân sách</source>
        <translation>Enter a budget table</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="47"/>
        <source>ví dụ 110 hoặc CKNS-03 (để trống nếu không có)</source>
        <translation>e.g. 110 or CKNS-03 (empty if none)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="49"/>
        <source>ví dụ: Dự toán chi ngân sách xã</source>
        <translation>e.g. Dự toán chi ngân sách xã</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="51"/>
        <source>Tên các cột số tiền, cách nhau bởi dấu ;</source>
        <translation>Names of the amount columns, separated by ;</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="56"/>
        <source>Thêm dòng</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="56"/>
        <source>Bỏ dòng</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="62"/>
        <source>Năm ngân sách:</source>
        <translation>Budget year:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="63"/>
        <source>Giai đoạn:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="64"/>
        <source>Số biểu:</source>
        <translation>Form no.:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="65"/>
        <source>Tên bảng:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="66"/>
        <source>Các cột số tiền:</source>
        <translation>Amount columns:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="75"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="86"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_entry.py" line="86"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="61"/>
        <source>Năm ngân sách %1</source>
        <translation>Budget year %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="64"/>
        <source>Giai đoạn: theo số biểu</source>
        <translation>Stage: from the form number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="67"/>
        <source>Nhập bảng từ Excel…</source>
        <translation>Import a table from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="68"/>
        <source>Nhập tay…</source>
        <translation>Enter by hand…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="69"/>
        <source>Niêm yết bảng này…</source>
        <translation>Post this table…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="71"/>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="71"/>
        <source>Biểu</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="71"/>
        <source>Tên bảng</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="80"/>
        <source>Đồng bộ:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="95"/>
        <source>Dự toán so với thực hiện (bảng thực hiện mới nhất của năm):</source>
        <translation>Estimate against execution (the year&apos;s latest execution table):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="170"/>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="192"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="170"/>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="192"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="187"/>
        <source>Các dòng cộng khớp với dòng tổng.</source>
        <translation>The lines add up to their totals.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="192"/>
        <source>Dự toán</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="193"/>
        <source>Thực hiện</source>
        <translation>Executed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="193"/>
        <source>Tỷ lệ (%)</source>
        <translation>Rate (%)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="202"/>
        <source>Chọn bảng ngân sách</source>
        <translation>Choose a budget table</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="203"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="210"/>
        <source>%1 (biểu %2), năm %3, %4: %5 dòng. Nhập bảng này?</source>
        <translation>%1 (form %2), year %3, %4: %5 lines. Import this table?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="214"/>
        <source>Bảng cùng năm, giai đoạn và biểu đã có sẽ được thay bằng bảng này.</source>
        <translation>The table of the same year, stage and form already recorded will be replaced by this one.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="223"/>
        <source>Đang đọc bảng ngân sách…</source>
        <translation>Reading the budget table…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="241"/>
        <source>Hãy chọn một bảng ngân sách.</source>
        <translation>Choose a budget table.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/budget_tab.py" line="251"/>
        <source>Đã ghi vào sổ công khai.</source>
        <translation>Entered in the disclosure register.</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="157"/>
        <source>Theo dõi cam kết</source>
        <translation>Commitment follow-up</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="157"/>
        <source>Cam kết</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="162"/>
        <source>Đã thực hiện xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="166"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="167"/>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="170"/>
        <source>Nội dung cam kết:</source>
        <translation>Commitment:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="171"/>
        <source>Người, đơn vị thực hiện:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="172"/>
        <source>Hạn:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="175"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CommuneSync</name>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="40"/>
        <source>Sổ, loại dữ liệu</source>
        <translation>Register, kind of data</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="41"/>
        <source>Số thay đổi chờ gửi</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="42"/>
        <source>Máy gửi</source>
        <translation>Sent by PC</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="42"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="43"/>
        <source>Nhận lúc</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="43"/>
        <source>Số thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="44"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="65"/>
        <source>Tạo yêu cầu đăng ký…</source>
        <translation>Make an enrolment request…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="66"/>
        <source>Cài gói đăng ký của tỉnh…</source>
        <translation>Install the province&apos;s enrolment package…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="77"/>
        <source>Đăng ký với tỉnh:</source>
        <translation>Enrolment:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="80"/>
        <source>Vai trò của máy:</source>
        <translation>This PC&apos;s role:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="82"/>
        <source>Nhận vai trò giữ sổ cho máy này…</source>
        <translation>Take the commune&apos;s registers for this PC…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="96"/>
        <source>Chờ gửi tỉnh:</source>
        <translation>Waiting for the province:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="97"/>
        <source>Gói và biên nhận:</source>
        <translation>Bundles and receipts:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="98"/>
        <source>Đồng bộ với tỉnh qua USB</source>
        <translation>Sync with the province by USB stick</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="106"/>
        <source>Đồng bộ ngay qua mạng</source>
        <translation>Sync over the network now</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="107"/>
        <source>Tự động gửi khi có mạng (trong phiên làm việc này)</source>
        <translation>Send automatically whenever the network is up (this session only)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="113"/>
        <source>Máy chủ tỉnh:</source>
        <translation>Province hub:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="114"/>
        <source>Lần đồng bộ qua mạng:</source>
        <translation>Network sync:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="115"/>
        <source>Đồng bộ với tỉnh qua mạng</source>
        <translation>Sync with the province over the network</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="123"/>
        <source>Ghi ra USB gửi tỉnh…</source>
        <translation>Write to USB for the province…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="125"/>
        <source>Đọc biên nhận / gói từ USB</source>
        <translation>Read receipts / bundles from USB</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="127"/>
        <source>Cả thư mục trên USB…</source>
        <translation>A whole folder on the stick…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="128"/>
        <source>Chọn tệp…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="132"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="133"/>
        <source>Áp dụng sớm gói đang giữ…</source>
        <translation>Release a held bundle early…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="134"/>
        <source>Gói của máy khác chờ gói trước mà gói đó sẽ không đến: áp dụng ngay, bỏ qua phần còn thiếu. Cần ghi lý do; việc này vào nhật ký thao tác.</source>
        <translation>Another PC&apos;s bundle waiting for an earlier one that will not come: apply it now, going on without what is missing. A reason is needed; this is entered in the audit trail.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="157"/>
        <source>Kết quả đọc từ USB</source>
        <translation>Read from USB</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="185"/>
        <source>Đã đăng ký. Chứng thư gốc của tỉnh: %1
Dấu vân tay SHA-256: %2</source>
        <translation>Enrolled. The province&apos;s root certificate: %1
SHA-256 fingerprint: %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="188"/>
        <source>Đã tạo yêu cầu đăng ký, đang chờ gói đăng ký của tỉnh. Khi nhận được gói, bấm “Cài gói đăng ký của tỉnh”.</source>
        <translation>An enrolment request was made; waiting for the province&apos;s enrolment package. When it arrives, click “Install the province&apos;s enrolment package”.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="191"/>
        <source>Chưa đăng ký. Bấm “Tạo yêu cầu đăng ký”, chép tệp yêu cầu vào USB gửi tỉnh; tỉnh gửi lại gói đăng ký để cài trên máy này.</source>
        <translation>Not enrolled. Click “Make an enrolment request” and take the request file to the province on a USB stick; the province sends back an enrolment package to install on this PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="196"/>
        <source>Máy %1 GIỮ SỔ của xã: số văn bản đi chỉ được lấy trên máy này; đơn do máy khác nhận (số tạm) được vào sổ với số chính thức khi gói của máy đó đến đây.</source>
        <translation>PC %1 KEEPS the commune&apos;s registers: outgoing document numbers are taken only on this PC; petitions another PC received (provisional numbers) get their real numbers when that PC&apos;s bundle arrives here.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="199"/>
        <source>Máy %1 KHÔNG giữ sổ của xã: không lấy số văn bản đi ở đây (hãy xuất văn bản trên máy giữ sổ); đơn nhận ở đây mang số tạm, được vào sổ khi gói đến máy giữ sổ.</source>
        <translation>PC %1 does NOT keep the commune&apos;s registers: no outgoing document numbers are taken here (export documents on the PC that keeps them); petitions received here carry provisional numbers until the bundle reaches that PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="206"/>
        <source>Chưa đăng ký với tỉnh nên chưa gửi được dữ liệu.</source>
        <translation>Not enrolled with the province yet, so nothing can be sent.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="208"/>
        <source>%1 thay đổi tỉnh chưa xác nhận đã nhận.</source>
        <translation>Changes the province has not confirmed receiving: %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="210"/>
        <source>Tỉnh đã nhận đủ: không có thay đổi nào chờ gửi.</source>
        <translation>The province has everything: no change is waiting.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="211"/>
        <source>Gói gần nhất ghi lúc %1 (%2 thay đổi).</source>
        <translation>Last bundle written %1 (changes: %2).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="212"/>
        <source>Chưa ghi gói nào.</source>
        <translation>No bundle written yet.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="213"/>
        <source>Biên nhận gần nhất của tỉnh: %1.</source>
        <translation>Last receipt from the province: %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="214"/>
        <source>Chưa có biên nhận nào của tỉnh.</source>
        <translation>No receipt from the province yet.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="228"/>
        <source>Chờ gửi (%1)</source>
        <translation>Waiting (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="229"/>
        <source>Xung đột (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="230"/>
        <source>Gói chờ xử lý (%1)</source>
        <translation>Bundles waiting (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="231"/>
        <source>Máy khác của xã (%1)</source>
        <translation>Other PCs of the commune (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="254"/>
        <source>Máy %1 đã nhận vai trò giữ sổ của xã. Số văn bản đi tiếp theo năm %2: %3. %4 đơn số tạm của máy này đã được vào sổ. Máy giữ sổ cũ phải thôi cấp số.</source>
        <translation>PC %1 now keeps the commune&apos;s registers. Next outgoing document number in %2: %3. %4 provisional petitions of this PC were entered in the register. The old registry PC must stop numbering.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="265"/>
        <source>Tạo yêu cầu mới?</source>
        <translation>Make a new request?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="266"/>
        <source>Máy này đã có một yêu cầu đăng ký đang chờ tỉnh. Tạo yêu cầu mới thì gói tỉnh cấp cho yêu cầu cũ sẽ không cài được nữa. Tạo yêu cầu mới?</source>
        <translation>This PC already has an enrolment request waiting for the province. With a new request, the package issued for the old one can no longer be installed. Make a new request?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="267"/>
        <source>Tạo yêu cầu mới</source>
        <translation>Make a new request</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="267"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="270"/>
        <source>Lưu tệp yêu cầu đăng ký (chép vào USB gửi tỉnh)</source>
        <translation>Save the enrolment request (copy it to the USB stick for the province)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="271"/>
        <source>Yêu cầu đăng ký (*.json)</source>
        <translation>Enrolment request (*.json)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="274"/>
        <source>Đặt mật khẩu cho khóa mới của máy này. Khóa ký báo cáo và gói dữ liệu; mỗi lần ghi USB hay ký số đều cần mật khẩu này. Chương trình không lưu mật khẩu: hãy ghi nhớ.</source>
        <translation>Set the passphrase of this PC&apos;s new key. The key signs reports and bundles; writing to USB and signing ask for it every time. The program does not keep it: remember it.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="280"/>
        <source>Đã ghi yêu cầu đăng ký: %1. Hãy chép tệp này vào USB gửi tỉnh (Sở Nội vụ). Tỉnh sẽ gửi lại một gói đăng ký và báo dấu vân tay chứng thư gốc của tỉnh; khi có, bấm “Cài gói đăng ký của tỉnh”.</source>
        <translation>Enrolment request written: %1. Take this file to the province (Department of Home Affairs) on a USB stick. The province sends back an enrolment package and tells you its root certificate&apos;s fingerprint; then click “Install the province&apos;s enrolment package”.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="284"/>
        <source>Chọn gói đăng ký tỉnh gửi về</source>
        <translation>Choose the enrolment package the province sent</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="285"/>
        <source>Gói đăng ký (*.papi)</source>
        <translation>Enrolment package (*.papi)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="292"/>
        <source>Gói đăng ký cho đơn vị %1, máy %2.

Chứng thư gốc của tỉnh:
%3

Dấu vân tay SHA-256:
%4

Hãy so từng ký tự với dấu vân tay tỉnh đã báo (qua điện thoại hoặc văn bản). Chỉ cài khi khớp hoàn toàn. Dấu vân tay có khớp không?</source>
        <translation>Enrolment package for unit %1, PC %2.

The province&apos;s root certificate:
%3

SHA-256 fingerprint:
%4

Compare it character by character with the fingerprint the province gave you (by phone or in writing). Install only if it matches exactly. Does the fingerprint match?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="297"/>
        <source>So dấu vân tay của tỉnh</source>
        <translation>Compare the province&apos;s fingerprint</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="297"/>
        <source>Khớp, cài đặt</source>
        <translation>It matches, install</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="298"/>
        <source>Không khớp</source>
        <translation>It does not match</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="299"/>
        <source>Chưa cài đặt gì. Hãy liên hệ tỉnh để lấy lại gói đăng ký và dấu vân tay đúng.</source>
        <translation>Nothing was installed. Contact the province for the right enrolment package and fingerprint.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="302"/>
        <source>Mật khẩu đã đặt khi tạo yêu cầu đăng ký trên máy này.</source>
        <translation>The passphrase set when the enrolment request was made on this PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="311"/>
        <source>Đã cài gói đăng ký: xã đã đăng ký với tỉnh. Chứng thư của máy: %1, hiệu lực đến %2. Từ nay có thể ghi dữ liệu ra USB gửi tỉnh; báo cáo được ký bằng chứng thư này.</source>
        <translation>Enrolment package installed: the commune is enrolled with the province. This PC&apos;s certificate: %1, valid until %2. Data can now be written to USB for the province; reports are signed with this certificate.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="314"/>
        <source>Kế hoạch và dữ liệu tham chiếu của tỉnh (phiên bản %1) đã được áp dụng.</source>
        <translation>The province&apos;s plan and reference data (version %1) were applied.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="316"/>
        <source>Tỉnh chưa phát hành kế hoạch: kế hoạch sẽ đến cùng bản cập nhật đầu tiên của tỉnh.</source>
        <translation>The province has published no plan yet: it comes with its first update.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="326"/>
        <source>Chọn thư mục trên USB để ghi gói dữ liệu</source>
        <translation>Choose the folder on the USB stick to write the bundle to</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="327"/>
        <source>Chọn thư mục để ghi gói dữ liệu cho máy %1</source>
        <translation>Choose the folder to write the bundle for PC %1 to</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="330"/>
        <source>Mật khẩu khóa của máy này (để ký gói dữ liệu).</source>
        <translation>This PC&apos;s key passphrase (to sign the bundle).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="337"/>
        <source>Đang ghi gói dữ liệu…</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="342"/>
        <source>Không có gì cần gửi: tỉnh đã nhận đủ mọi thay đổi của máy này.</source>
        <translation>Nothing to send: the province has every change of this PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="343"/>
        <source>Không có gì cần gửi: máy %1 đã có mọi thay đổi của máy này.</source>
        <translation>Nothing to send: PC %1 has every change of this PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="345"/>
        <source>Đã ghi gói dữ liệu gửi tỉnh (%1 thay đổi, %2 tệp đính kèm):
%3

Hãy mang USB lên tỉnh. Tỉnh nhận xong sẽ ghi biên nhận bên cạnh gói; về đến xã, bấm “Đọc biên nhận / gói từ USB”.</source>
        <translation>Bundle for the province written (changes: %1, attached files: %2):
%3

Take the USB stick to the province. The province writes a receipt beside the bundle; back at the commune, click “Read receipts / bundles from USB”.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="350"/>
        <source>Đã ghi gói dữ liệu cho máy %4 (%1 thay đổi, %2 tệp đính kèm):
%3

Chép sang máy đó và đọc bằng “Đọc biên nhận / gói từ USB”; mang biên nhận của máy đó về đọc ở đây.</source>
        <translation>Bundle for PC %4 written (changes: %1, attached files: %2):
%3

Copy it to that PC and read it there with “Read receipts / bundles from USB”; bring that PC&apos;s receipt back and read it here.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="358"/>
        <source>Chọn biên nhận hoặc gói dữ liệu</source>
        <translation>Choose receipts or bundles</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="359"/>
        <source>Tệp của PAPI Desktop (*.papi)</source>
        <translation>PAPI Desktop files (*.papi)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="362"/>
        <source>Chọn thư mục trên USB có biên nhận hoặc gói dữ liệu</source>
        <translation>Choose the folder on the USB stick with the receipts or bundles</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="370"/>
        <source>Không thấy biên nhận hay gói dữ liệu nào cho máy này (có %1 gói do chính máy này ghi). Hãy chọn đúng thư mục trên USB, nơi tỉnh hoặc máy khác đã ghi biên nhận.</source>
        <translation>No receipt or bundle for this PC was found (bundles written by this PC itself: %1). Choose the folder on the stick where the province or the other PC wrote its receipts.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="376"/>
        <source>Trên USB có %1 gói dữ liệu từ máy khác của xã. Nhập mật khẩu khóa của máy này để đọc.</source>
        <translation>Bundles on the stick from another PC of the commune: %1. Enter this PC&apos;s key passphrase to read them.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="381"/>
        <source>Đang đọc từ USB…</source>
        <translation>Reading from USB…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="388"/>
        <source>%1: không đọc được — %2</source>
        <translation>%1: could not be read — %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="390"/>
        <source>%1: biên nhận này đã đọc trước đây; không có gì thay đổi.</source>
        <translation>%1: this receipt was read before; nothing changed.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="392"/>
        <source>%1: nơi nhận đã nhận gói; các thay đổi trong gói không phải gửi lại.</source>
        <translation>%1: the receiver has the bundle; its changes need not be sent again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="394"/>
        <source>%1: nơi nhận giữ lại gói (%2); các thay đổi sẽ được gửi lại trong gói sau.</source>
        <translation>%1: the receiver kept the bundle back (%2); its changes go again in the next bundle.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="399"/>
        <source>%1: không áp dụng được bản cập nhật của tỉnh — %2</source>
        <translation>%1: the province&apos;s update could not be applied — %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="401"/>
        <source>%1: bản cập nhật số %2 của tỉnh đã áp dụng trước đây.</source>
        <translation>%1: the province&apos;s update no. %2 was applied before.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="403"/>
        <source>%1: đã áp dụng bản cập nhật số %2 của tỉnh.</source>
        <translation>%1: the province&apos;s update no. %2 applied.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="407"/>
        <source>%1: %2 — thêm %3, cập nhật %4, xung đột %5.</source>
        <translation>%1: %2 — new: %3, updated: %4, conflicts: %5.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="417"/>
        <source>Mật khẩu khóa của máy này (để giải mã gói và ký biên nhận).</source>
        <translation>This PC&apos;s key passphrase (to decrypt the bundle and sign the receipt).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="424"/>
        <source>Tỉnh chưa cho địa chỉ máy chủ (địa chỉ đến cùng gói đăng ký hoặc bản cập nhật của tỉnh). Vẫn gửi được bằng USB.</source>
        <translation>The province has not given the hub&apos;s address yet (it comes with the enrolment package or a province update). Sending by USB stick still works.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="428"/>
        <source>Lần gần nhất: %1.</source>
        <translation>Last time: %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="429"/>
        <source>Chưa đồng bộ qua mạng lần nào.</source>
        <translation>Not synced over the network yet.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="438"/>
        <source>Mật khẩu khóa của máy này (để đăng nhập máy chủ tỉnh và ký gói dữ liệu).</source>
        <translation>This PC&apos;s key passphrase (to log in to the province hub and sign the bundle).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="448"/>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="496"/>
        <source>Đang đồng bộ với máy chủ tỉnh…</source>
        <translation>Syncing with the province hub…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="456"/>
        <source>Không có gì cần gửi: tỉnh đã nhận đủ.</source>
        <translation>Nothing to send: the province has everything.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="458"/>
        <source>Đã gửi gói dữ liệu: %1 (%2 thay đổi).</source>
        <translation>Bundle sent: %1 (changes: %2).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="462"/>
        <source>Đã nhận %1 biên nhận của tỉnh.</source>
        <translation>Receipts received from the province: %1.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="464"/>
        <source>Đã áp dụng bản cập nhật của tỉnh, phiên bản %1.</source>
        <translation>The province&apos;s update, version %1, was applied.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="472"/>
        <source>Mật khẩu khóa của máy này. Chương trình giữ nó trong bộ nhớ cho đến khi tắt chương trình hoặc bỏ chọn ô này, không ghi ra đĩa.</source>
        <translation>This PC&apos;s key passphrase. The program keeps it in memory until the program is closed or this box is unticked, and never writes it to disk.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="494"/>
        <source>Chưa kết nối được máy chủ tỉnh; sẽ tự thử lại. Vẫn gửi được bằng USB.</source>
        <translation>Cannot reach the province hub yet; it will try again by itself. Sending by USB stick still works.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="499"/>
        <source>Đã đồng bộ lúc %1. </source>
        <translation>Synced at %1. </translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="502"/>
        <source>Lần đồng bộ tự động không thành: %1. Sẽ thử lại sau.</source>
        <translation>Automatic sync failed: %1. It will try again later.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_commune.py" line="505"/>
        <source>Đã tắt đồng bộ tự động.</source>
        <translation>Automatic sync is off.</translation>
    </message>
</context>
<context>
    <name>CommunicationTab</name>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="49"/>
        <source>Ghi tin, bài đã đăng…</source>
        <translation>Record a published item…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="94"/>
        <source>Không có chỉ tiêu tin, bài cho năm này.</source>
        <translation>No publication quota for this year.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="96"/>
        <source>Th.%1</source>
        <translation>M%1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="107"/>
        <source>Ngày đăng</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="107"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="107"/>
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="108"/>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="108"/>
        <source>Đường dẫn</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="120"/>
        <source>Tin, bài đã đăng</source>
        <translation>Published item</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="121"/>
        <source>Ngày đăng:</source>
        <translation>Published on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="122"/>
        <source>Kênh:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="123"/>
        <source>Chủ đề:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="124"/>
        <source>Tiêu đề:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/communication_tab.py" line="125"/>
        <source>Đường dẫn:</source>
        <translation>Link:</translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="347"/>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="347"/>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="348"/>
        <source>Giá trị máy này</source>
        <translation>This PC&apos;s value</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="349"/>
        <source>Giá trị máy kia</source>
        <translation>The other PC&apos;s value</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="350"/>
        <source>Đang hiển thị</source>
        <translation>Shown now</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="352"/>
        <source>Xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="353"/>
        <source>Giá trị nhận trước</source>
        <translation>Value received first</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="354"/>
        <source>Giá trị nhận sau</source>
        <translation>Value received second</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="355"/>
        <source>Máy gửi sau</source>
        <translation>PC that sent second</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="383"/>
        <source>Máy %1</source>
        <translation>PC %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="384"/>
        <source>Máy thứ %1 của xã được tỉnh cấp chứng thư, ngày %2. Mã máy: %3</source>
        <translation>The commune&apos;s PC no. %1 to get a certificate from the province, on %2. Device id: %3</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="406"/>
        <source>giá trị nhận trước</source>
        <translation>the value received first</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="406"/>
        <source>giá trị nhận sau</source>
        <translation>the value received second</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="407"/>
        <source>Hai máy của cùng một xã sửa cùng một trường khác nhau rồi cùng gửi lên tỉnh. Bản sửa sau đang hiển thị; hãy chọn giá trị đúng (nếu cần, hỏi lại xã). Lựa chọn sửa bản sao của tỉnh.</source>
        <translation>Two PCs of one commune edited the same field differently and both sent it to the province. The later edit is shown; choose the right value (ask the commune if needed). The choice changes the province&apos;s copy.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="412"/>
        <source>giá trị máy này</source>
        <translation>this PC&apos;s value</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="412"/>
        <source>giá trị máy kia</source>
        <translation>the other PC&apos;s value</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="413"/>
        <source>Cùng một trường được sửa khác nhau trên hai máy. Bản sửa sau đang hiển thị; hãy chọn giá trị đúng. Lựa chọn được gửi sang máy kia và tỉnh trong gói sau.</source>
        <translation>The same field was edited differently on two PCs. The later edit is shown; choose the right value. The choice goes to the other PC and the province in the next bundle.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="415"/>
        <source>Giữ %1</source>
        <translation>Keep %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="416"/>
        <source>Lấy %1</source>
        <translation>Take %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="451"/>
        <source>Hãy chọn một xung đột trong danh sách.</source>
        <translation>Select a conflict in the list.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="454"/>
        <source>Đã chọn %1 cho bản sao của tỉnh. Lựa chọn không gửi về xã: nếu các máy của xã còn khác nhau, hãy báo xã chọn trên máy của xã.</source>
        <translation>Chose %1 for the province&apos;s copy. The choice is not sent to the commune: if the commune&apos;s PCs still differ, ask the commune to choose on its PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="456"/>
        <source>Đã chọn %1. Lựa chọn được gửi sang máy kia và tỉnh trong gói sau.</source>
        <translation>Chose %1. The choice goes to the other PC and the province in the next bundle.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/forms.py" line="22"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DialogueDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="76"/>
        <source>Hội nghị đối thoại với Nhân dân</source>
        <translation>Dialogue conference with the people</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="80"/>
        <source>Hội nghị đối thoại hằng năm với Ủy ban MTTQ</source>
        <translation>Yearly dialogue with the Fatherland Front</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="81"/>
        <source>Đối thoại khác</source>
        <translation>Other dialogue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="100"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="101"/>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="102"/>
        <source>Tên hội nghị:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="103"/>
        <source>Địa điểm:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="104"/>
        <source>Chủ trì:</source>
        <translation>Chaired by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="105"/>
        <source>Phối hợp:</source>
        <translation>Co-organised by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="106"/>
        <source>Thư ký:</source>
        <translation>Secretary:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="107"/>
        <source>Thời gian:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="108"/>
        <source>Thành phần dự:</source>
        <translation>Attendance:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="109"/>
        <source>Chủ đề:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="112"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>DialogueTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="51"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="52"/>
        <source>Hội nghị</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="53"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="54"/>
        <source>Chủ trì</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="55"/>
        <source>Ý kiến</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="56"/>
        <source>Cam kết chưa xong</source>
        <translation>Open commitments</translation>
    </message>
</context>
<context>
    <name>DialoguesPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="199"/>
        <source>Thêm hội nghị đối thoại…</source>
        <translation>Add a dialogue…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="200"/>
        <source>Thêm ý kiến…</source>
        <translation>Add an issue…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="201"/>
        <source>Thêm cam kết…</source>
        <translation>Add a commitment…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="202"/>
        <source>Cập nhật theo dõi…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="218"/>
        <source>Ý kiến / cam kết</source>
        <translation>Issue / commitment</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="218"/>
        <source>Người nêu / thực hiện</source>
        <translation>Raised by / owner</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="219"/>
        <source>Thôn, bản / hạn</source>
        <translation>Village / due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="219"/>
        <source>Trả lời / theo dõi</source>
        <translation>Answer / follow-up</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="288"/>
        <source>Năm %1 chưa tổ chức hội nghị đối thoại với Nhân dân (ít nhất 01 lần/năm, Điều 32 Luật Thực hiện dân chủ ở cơ sở).</source>
        <translation>No dialogue conference with the people in %1 yet (at least one a year, Law on Grassroots Democracy, Art. 32).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="325"/>
        <source>(ẩn danh)</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="330"/>
        <source>Xong %1</source>
        <translation>Done %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="378"/>
        <source>Hãy chọn hoặc thêm một hội nghị đối thoại trước.</source>
        <translation>Select or add a dialogue first.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="391"/>
        <source>Hãy chọn một ý kiến trong danh sách.</source>
        <translation>Select an issue in the list.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="406"/>
        <source>Hãy chọn một cam kết (dòng bắt đầu bằng →).</source>
        <translation>Select a commitment (a row starting with →).</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="42"/>
        <source>Đạt</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="42"/>
        <source>Đang niêm yết</source>
        <translation>Being posted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="43"/>
        <source>Sắp đến hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="43"/>
        <source>Chậm</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="44"/>
        <source>Chưa đủ thời gian</source>
        <translation>Too short</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="45"/>
        <source>Thiếu nơi niêm yết</source>
        <translation>Missing places</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="46"/>
        <source>Thiếu hình thức</source>
        <translation>Missing forms</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="47"/>
        <source>Chưa công khai</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="47"/>
        <source>Không có quy tắc</source>
        <translation>No rule</translation>
    </message>
</context>
<context>
    <name>DisclosureDashboard</name>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="70"/>
        <source>Theo thôn, bản (các nội dung phải niêm yết tại nhà văn hóa):</source>
        <translation>By village (disclosures that must hang in the cultural houses):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="85"/>
        <source>Năm %1: %2/%3 nội dung đạt, %4 chưa đạt hoặc chưa công khai</source>
        <translation>%1: %2 of %3 disclosures OK, %4 failed or missing</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="93"/>
        <source>Thôn, bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="93"/>
        <source>Đạt</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="93"/>
        <source>Chưa đạt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="94"/>
        <source>Chưa đến hạn</source>
        <translation>Not due yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="105"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="105"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="105"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="106"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="106"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/disclosure_dashboard.py" line="106"/>
        <source>PAPI</source>
        <translation>PAPI</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="41"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="41"/>
        <source>Việc</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="41"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="41"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="56"/>
        <location filename="../papi_desktop/ui/views/home_page.py" line="117"/>
        <source>Quá hạn %1 ngày</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="57"/>
        <source>Còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/simple_form.py" line="64"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="118"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="126"/>
        <source>Đang đọc các việc đến hạn…</source>
        <translation>Reading what is due…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="140"/>
        <source>%1 việc quá hạn, %2 việc sắp đến hạn</source>
        <translation>%1 overdue, %2 due soon</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="142"/>
        <source>Không có việc nào quá hạn hoặc sắp đến hạn.</source>
        <translation>Nothing is overdue or due soon.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/home_page.py" line="146"/>
        <source>Không đọc được danh sách việc đến hạn: %1</source>
        <translation>Could not read the list of what is due: %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="48"/>
        <source>Nhập kế hoạch từ Excel</source>
        <translation>Import plan from Excel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="51"/>
        <source>Tệp phụ lục kế hoạch (.xlsx)</source>
        <translation>Plan appendix file (.xlsx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="52"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="53"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="54"/>
        <source>Nhập vào cơ sở dữ liệu</source>
        <translation>Import into the database</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="56"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="59"/>
        <source>Chọn tệp rồi bấm Xem trước. Chưa có gì được ghi cho đến khi bạn bấm Nhập.</source>
        <translation>Choose a file, then Preview. Nothing is written until you click Import.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="83"/>
        <source>Chọn tệp kế hoạch</source>
        <translation>Choose the plan file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="84"/>
        <source>Bảng tính Excel (*.xlsx);;Tất cả tệp (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="107"/>
        <source>Hãy chọn tệp kế hoạch .xlsx.</source>
        <translation>Choose a plan .xlsx file.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="111"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="112"/>
        <source>Đang đọc tệp kế hoạch…</source>
        <translation>Reading the plan file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="121"/>
        <source>Xem trước xong. Kiểm tra rồi bấm “Nhập vào cơ sở dữ liệu”.</source>
        <translation>Preview ready. Check it, then click “Import into the database”.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="123"/>
        <source>Kế hoạch trong tệp giống hệt kế hoạch đã có: không có gì thay đổi.</source>
        <translation>The plan in this file is the same as the one already recorded: nothing would change.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="133"/>
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="134"/>
        <source>Đang nhập kế hoạch…</source>
        <translation>Importing the plan…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="142"/>
        <source>Đã nhập: %1 nhiệm vụ mới, %2 nhiệm vụ cập nhật, %3 giữ nguyên.</source>
        <translation>Imported: %1 new tasks, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="152"/>
        <source>Đã hủy. Dữ liệu không thay đổi.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="164"/>
        <source>Năm kế hoạch: %1</source>
        <translation>Plan year: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="165"/>
        <source>Văn bản: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="166"/>
        <source>Tổng số nhiệm vụ: %1</source>
        <translation>Tasks in total: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="170"/>
        <source>Mốc thời gian có ngày: %1; không có ngày (thường xuyên, theo quy định…): %2</source>
        <translation>Milestones with a date: %1; without a date (recurring, as regulated…): %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="173"/>
        <source>Chỉ tiêu: %1</source>
        <translation>Indicators: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="174"/>
        <source>Thêm mới: %1 · Thay đổi: %2 · Giữ nguyên: %3</source>
        <translation>New: %1 · Changed: %2 · Unchanged: %3</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="178"/>
        <source>Các dòng không hiểu được (%1):</source>
        <translation>Rows not understood (%1):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/import_dialog.py" line="181"/>
        <source>  Dòng %1: %2 — %3</source>
        <translation>  Row %1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../papi_desktop/ui/import_flow.py" line="47"/>
        <source>Tệp có %1 lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.</source>
        <translation>The file has %1 errors; nothing was written. Fix the file and import again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/import_flow.py" line="54"/>
        <source>Đang ghi dữ liệu…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/import_flow.py" line="63"/>
        <source>Đã hủy. Dữ liệu không thay đổi.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/import_flow.py" line="71"/>
        <source>Dòng %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="36"/>
        <source>Thêm chỉ tiêu</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="42"/>
        <source>Chỉ tiêu:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="43"/>
        <source>Đơn vị tính:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="44"/>
        <source>Mục tiêu:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="45"/>
        <source>Cơ quan theo dõi:</source>
        <translation>Monitoring body:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="48"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="67"/>
        <source>Thêm chỉ tiêu…</source>
        <translation>Add indicator…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="69"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="69"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="69"/>
        <source>Mục tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="70"/>
        <source>Cơ quan theo dõi</source>
        <translation>Monitoring body</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="70"/>
        <source>Thực hiện trong kỳ</source>
        <translation>Actual in the period</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="80"/>
        <source>Kế hoạch chưa có chỉ tiêu. Chỉ tiêu được nhập cùng tệp kế hoạch (bảng STT, Chỉ tiêu, Đơn vị tính, Kết quả…) hoặc thêm tại đây.</source>
        <translation>The plan has no indicators. They are imported with the plan file (a table with STT, Chỉ tiêu, Đơn vị tính, Kết quả…) or added here.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/indicators_panel.py" line="84"/>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="127"/>
        <source>Ý kiến, kiến nghị tại hội nghị</source>
        <translation>Issue raised at the conference</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="129"/>
        <source>Để trống nếu người nêu không muốn ghi tên</source>
        <translation>Leave empty if the speaker prefers not to be named</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="138"/>
        <source>Người nêu:</source>
        <translation>Raised by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="139"/>
        <source>Thôn, bản:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="140"/>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="141"/>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="142"/>
        <source>Người trả lời:</source>
        <translation>Answered by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="143"/>
        <source>Trả lời, giải trình:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="145"/>
        <source>Máy này không giữ sổ của xã: nếu máy khác cũng thêm ý kiến vào hội nghị này khi chưa đồng bộ, máy giữ sổ có thể xếp lại thứ tự các ý kiến khi nhận dữ liệu của máy này.</source>
        <translation>This PC does not keep the commune&apos;s registers: if another PC also adds an issue to this dialogue before syncing, the registry PC may reorder the issues when it receives this PC&apos;s data.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/dialogues_page.py" line="151"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>KeysBox</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="34"/>
        <source>Chữ ký số của xã</source>
        <translation>The commune&apos;s digital signature</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="39"/>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="75"/>
        <source>Tạo chứng thư của xã…</source>
        <translation>Create the commune&apos;s certificate…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="40"/>
        <source>Dùng tệp .p12 của tổ chức cung cấp chữ ký số…</source>
        <translation>Use a .p12 file from a signature provider…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="41"/>
        <source>Lưu chứng thư gốc (gửi tỉnh)…</source>
        <translation>Save the root certificate (for the province)…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="42"/>
        <source>Tin cậy chứng thư khác…</source>
        <translation>Trust another certificate…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="67"/>
        <source>Chưa có khóa ký số. Tạo chứng thư của xã để ký báo cáo (mật khẩu được hỏi mỗi lần ký), hoặc dùng tệp .p12 của tổ chức cung cấp chữ ký số.</source>
        <translation>No signing key yet. Create the commune&apos;s certificate to sign reports (the passphrase is asked at each signing), or use a .p12 file from a signature provider.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="70"/>
        <source>Người ký: %1 (mã %2). Hiệu lực %3 – %4. Dấu vân tay SHA-256: %5</source>
        <translation>Signer: %1 (code %2). Valid %3 – %4. SHA-256 fingerprint: %5</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="75"/>
        <source>Thay khóa…</source>
        <translation>Replace the key…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="100"/>
        <source>Tạo chứng thư ký số của xã</source>
        <translation>Create the commune&apos;s signing certificate</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="101"/>
        <source>Mật khẩu bảo vệ khóa (ít nhất 8 ký tự):</source>
        <translation>Passphrase protecting the key (8 characters or more):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="102"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the passphrase:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="102"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="109"/>
        <source>Chọn tệp chữ ký số</source>
        <translation>Choose the signature file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="110"/>
        <source>Tệp PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 file (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="118"/>
        <source>Dùng tệp này làm khóa của xã? Các chứng thư sau sẽ được tin cậy: mọi chữ ký do chúng chứng nhận sẽ được coi là hợp lệ. Chỉ đồng ý khi dấu vân tay khớp với dấu vân tay do tổ chức cung cấp chữ ký số công bố.</source>
        <translation>Use this file as the commune&apos;s key? The following certificates will be trusted: every signature they certify will verify as valid. Agree only if the fingerprints match those the certificate provider publishes.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="128"/>
        <source>Mật khẩu của tệp chữ ký số</source>
        <translation>Passphrase of the signature file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="129"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="129"/>
        <source>Dùng tệp này</source>
        <translation>Use this file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="136"/>
        <source>Dấu vân tay SHA-256: %1</source>
        <translation>SHA-256 fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="141"/>
        <source>Lưu chứng thư gốc</source>
        <translation>Save the root certificate</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="142"/>
        <source>Chứng thư (*.pem)</source>
        <translation>Certificate (*.pem)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="151"/>
        <source>Đã lưu %1. Gửi tệp này cho người cần kiểm tra chữ ký của xã.</source>
        <translation>Saved %1. Send this file to whoever checks the commune&apos;s signatures.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="156"/>
        <source>Chọn chứng thư cần tin cậy</source>
        <translation>Choose the certificate to trust</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="157"/>
        <source>Chứng thư (*.pem *.crt *.cer *.der)</source>
        <translation>Certificate (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="167"/>
        <source>Tin cậy chứng thư này? Mọi chữ ký do chứng thư này chứng nhận sẽ được coi là hợp lệ. Chỉ đồng ý khi dấu vân tay khớp với dấu vân tay do nơi gửi chứng thư đọc cho bạn.</source>
        <translation>Trust this certificate? Every signature it certifies will verify as valid. Agree only if the fingerprint matches the one its sender read out to you.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/keys_box.py" line="177"/>
        <source>Đã thêm vào danh sách tin cậy.</source>
        <translation>Added to the trusted certificates.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="36"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="37"/>
        <source>Tổng hợp</source>
        <translation>Consolidated</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="38"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="39"/>
        <source>Tiếp công dân</source>
        <translation>Citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="40"/>
        <source>Đơn thư</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="41"/>
        <source>Đối thoại</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="42"/>
        <source>Công khai</source>
        <translation>Public postings</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="43"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="44"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="45"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="100"/>
        <location filename="../papi_desktop/ui/main_window.py" line="153"/>
        <source>Đang mở dữ liệu…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="194"/>
        <source>Người dùng: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="203"/>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="224"/>
        <source> (xã mẫu)</source>
        <translation> (demo commune)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="226"/>
        <source>Văn phòng tỉnh Sơn La (chế độ tỉnh)</source>
        <translation>Sơn La province office (province mode)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="347"/>
        <source>Đã lưu ngôn ngữ; mở lại chương trình để áp dụng.</source>
        <translation>Language saved; restart the program to apply it.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="351"/>
        <source>Chức năng này chưa có trong phiên bản %1. Nó sẽ có trong các bản cập nhật tiếp theo; dữ liệu hiện có không bị ảnh hưởng.</source>
        <translation>This function is not in version %1 yet. It comes in a later update; your data is not affected.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="369"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="370"/>
        <source>Nhập kế hoạch từ Excel…</source>
        <translation>Import plan from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="375"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="381"/>
        <source>Tài &amp;khoản</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="382"/>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="384"/>
        <source>Đăng xuất</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="389"/>
        <source>&amp;Trợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="390"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/main_window.py" line="392"/>
        <source>PAPI Desktop %1 — quản lý kế hoạch cải thiện chỉ số PAPI và hồ sơ trách nhiệm giải trình của xã, phường tỉnh Sơn La. Làm việc không cần mạng.</source>
        <translation>PAPI Desktop %1 — the PAPI improvement plan and accountability records of Sơn La&apos;s communes and wards. Works without a network.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="27"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="30"/>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="37"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="35"/>
        <source>Thông báo</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="42"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="44"/>
        <source>Đồng ý</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/messages.py" line="45"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="78"/>
        <source>Thêm mốc thời gian</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="81"/>
        <source>ngày/tháng/năm, để trống nếu không có hạn</source>
        <translation>day/month/year, empty if there is no due date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="83"/>
        <source>Sản phẩm, nội dung:</source>
        <translation>Product, content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="84"/>
        <source>Hạn:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="87"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="171"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="173"/>
        <source>Nhập lại:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="180"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="184"/>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="187"/>
        <source>Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.</source>
        <translation>The two passphrases differ. Enter them again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="194"/>
        <source>Mật khẩu của khóa</source>
        <translation>Key passphrase</translation>
    </message>
</context>
<context>
    <name>PeersTab</name>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="19"/>
        <source>Máy</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="19"/>
        <source>Thay đổi chờ gửi cho máy đó</source>
        <translation>Changes waiting for it</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="37"/>
        <source>Ghi thẻ của máy này…</source>
        <translation>Write this PC&apos;s card…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="38"/>
        <source>Thêm máy từ thẻ…</source>
        <translation>Add a PC from its card…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="39"/>
        <source>Gửi cho máy khác…</source>
        <translation>Send to another PC…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="40"/>
        <source>Xã dùng hai máy trở lên: mỗi máy ghi thẻ của mình, máy kia thêm thẻ đó; sau đó hai máy trao đổi gói dữ liệu qua USB như với tỉnh.</source>
        <translation>A commune with two PCs or more: each PC writes its card and the other adds it; then the two exchange bundles by USB stick, as with the province.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="62"/>
        <source>Lưu thẻ của máy này (chép sang máy kia của xã)</source>
        <translation>Save this PC&apos;s card (copy it to the commune&apos;s other PC)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="63"/>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="73"/>
        <source>Thẻ máy (*.papi)</source>
        <translation>PC card (*.papi)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="66"/>
        <source>Mật khẩu khóa của máy này (để ký thẻ máy).</source>
        <translation>This PC&apos;s key passphrase (to sign the card).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="70"/>
        <source>Đã ghi thẻ của máy này: %1. Chép thẻ sang máy kia của xã và bấm “Thêm máy từ thẻ” ở đó.</source>
        <translation>This PC&apos;s card written: %1. Copy it to the commune&apos;s other PC and click “Add a PC from its card” there.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="73"/>
        <source>Chọn thẻ của máy kia</source>
        <translation>Choose the other PC&apos;s card</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="76"/>
        <source>Đã thêm máy %1 (%2). Từ nay có thể gửi gói dữ liệu cho máy đó bằng “Gửi cho máy khác”.</source>
        <translation>PC %1 added (%2). Bundles can now be sent to it with “Send to another PC”.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_peers.py" line="86"/>
        <source>Hãy chọn máy nhận trong danh sách máy khác của xã (thêm thẻ của máy đó trước nếu danh sách trống).</source>
        <translation>Choose the receiving PC in the list of the commune&apos;s other PCs (add its card first if the list is empty).</translation>
    </message>
</context>
<context>
    <name>PersonalDataButton</name>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="159"/>
        <source>Xóa dữ liệu cá nhân…</source>
        <translation>Erase personal data…</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="45"/>
        <source>Xóa dữ liệu cá nhân của công dân</source>
        <translation>Erase a citizen&apos;s personal data</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="48"/>
        <source>Khi công dân yêu cầu (hoặc hết thời hạn lưu trữ), xóa họ tên, địa chỉ, số định danh, năm sinh của một bản ghi. Bản ghi vẫn còn (ngày, nội dung, kết quả); dữ liệu cũ trong nhật ký thay đổi không mở được nữa; việc xóa được gửi lên tỉnh cùng gói dữ liệu tiếp theo. Báo cáo đã ký và bản sao lưu cũ không bị sửa: bản sao lưu hết hạn theo vòng lưu giữ.</source>
        <translation>When a citizen asks (or the retention period is over), erase the name, address, identity number and birth year of one record. The record stays (dates, content, outcome); the old values in the change log can no longer be opened; the erasure goes to the province with the next bundle. Signed reports and older backups are not changed: backups expire with the rotation.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="56"/>
        <source>Họ tên (không cần dấu)</source>
        <translation>Full name (accents optional)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="58"/>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="64"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="64"/>
        <source>Số định danh</source>
        <translation>Identity number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="64"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="65"/>
        <source>Hồ sơ</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="75"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="81"/>
        <source>Xóa dữ liệu cá nhân…</source>
        <translation>Erase personal data…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="118"/>
        <source>Tìm thấy %1 bản ghi.</source>
        <translation>%1 records found.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="119"/>
        <source>Không có bản ghi nào có tên này.</source>
        <translation>No record names this person.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/personal_dialog.py" line="135"/>
        <source>Xóa dữ liệu cá nhân của %1 (%2)? Không thể hoàn tác.</source>
        <translation>Erase the personal data of %1 (%2)? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>PetitionDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="95"/>
        <source>Vào sổ đơn</source>
        <translation>Register a petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="99"/>
        <source>Qua tiếp công dân</source>
        <translation>At a citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="99"/>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="100"/>
        <source>Qua cổng thông tin</source>
        <translation>Through the portal</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="100"/>
        <source>Cơ quan khác chuyển</source>
        <translation>Forwarded by another body</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="101"/>
        <source>Hộp thư góp ý</source>
        <translation>Suggestion box</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="110"/>
        <source>Đủ điều kiện xử lý</source>
        <translation>Eligible for processing</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="112"/>
        <source>Thuộc thẩm quyền của xã</source>
        <translation>Within the commune&apos;s authority</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="114"/>
        <source>Vùng sâu, vùng xa đi lại khó khăn</source>
        <translation>Remote area, hard to travel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="115"/>
        <source>Vụ việc phức tạp</source>
        <translation>Complex case</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="117"/>
        <source>Ngày nhận:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="118"/>
        <source>Nguồn đơn:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="119"/>
        <source>Người gửi:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="120"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="121"/>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="122"/>
        <source>Phân loại:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="127"/>
        <source>Vào sổ</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>PetitionTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="61"/>
        <source>Số đến</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="62"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="63"/>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="64"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="65"/>
        <source>Loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="66"/>
        <source>Bước tiếp theo</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="67"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="79"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>PetitionsPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="44"/>
        <source>Khiếu nại</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="45"/>
        <source>Tố cáo</source>
        <translation>Denunciation</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="46"/>
        <source>Kiến nghị, phản ánh</source>
        <translation>Petition or feedback</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="47"/>
        <source>Nhiều nội dung</source>
        <translation>Several matters</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="182"/>
        <source>Tìm theo người gửi, nội dung, số đến (không dấu cũng được)…</source>
        <translation>Search sender, content, number (accents optional)…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="185"/>
        <source>Đang theo dõi</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="186"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="187"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="188"/>
        <source>Vào sổ đơn (Ctrl+N)</source>
        <translation>Register a petition (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="189"/>
        <source>Ghi bước xử lý…</source>
        <translation>Record a step…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="234"/>
        <source>%1 đơn</source>
        <translation>%1 petitions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="292"/>
        <source>Hãy chọn một đơn trong danh sách.</source>
        <translation>Select a petition in the list.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="66"/>
        <source>Tìm nhiệm vụ (gõ không dấu cũng được)… Ctrl+F</source>
        <translation>Search tasks (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="69"/>
        <source>Tất cả chỉ số</source>
        <translation>All dimensions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="73"/>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="80"/>
        <source>Chỉ nhiệm vụ quá hạn</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="81"/>
        <source>Nhập kế hoạch từ Excel…</source>
        <translation>Import plan from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="82"/>
        <source>Thêm nhiệm vụ…</source>
        <translation>Add task…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="118"/>
        <source>Tiến độ theo chỉ số nội dung</source>
        <translation>Progress by dimension</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="119"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="196"/>
        <source>Chưa có kế hoạch. Bấm “Nhập kế hoạch từ Excel…” để nhập phụ lục kế hoạch.</source>
        <translation>No plan yet. Click “Import plan from Excel…” to import the plan appendix.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="199"/>
        <source>Kế hoạch cải thiện chỉ số PAPI năm %1</source>
        <translation>PAPI improvement plan %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="204"/>
        <source>Mọi cơ quan chủ trì</source>
        <translation>Any lead unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="216"/>
        <source>Không đọc được kế hoạch: %1</source>
        <translation>Could not read the plan: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_page.py" line="253"/>
        <source>%1 nhiệm vụ</source>
        <translation>%1 tasks</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <location filename="../papi_desktop/ui/views/plan_preview.py" line="34"/>
        <source>Kế hoạch cải thiện chỉ số PAPI năm %1</source>
        <translation>PAPI improvement plan %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_preview.py" line="37"/>
        <source>Đang mở dữ liệu… Danh sách dưới đây chỉ để xem; có thể tìm, lọc và sửa khi mở xong.</source>
        <translation>Opening the data… The list below is read-only; searching, filtering and editing are possible once it is open.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/plan_preview.py" line="50"/>
        <source>%1 nhiệm vụ</source>
        <translation>%1 tasks</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="34"/>
        <source>Hệ thống truyền thanh</source>
        <translation>Loudspeaker system</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="35"/>
        <source>Cổng/trang thông tin điện tử</source>
        <translation>Web portal or page</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="36"/>
        <source>Văn bản gửi Đảng ủy, đoàn thể, trưởng thôn</source>
        <translation>Written notice to the Party committee, unions, village heads</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="37"/>
        <source>Họp thôn, bản</source>
        <translation>Village meeting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="38"/>
        <source>Zalo, mạng xã hội</source>
        <translation>Zalo, social networks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="85"/>
        <source>Mục công khai</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="85"/>
        <source>Sửa mục công khai</source>
        <translation>Edit disclosure</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="98"/>
        <source>Để trống: lấy theo loại và kỳ</source>
        <translation>Leave empty: taken from the kind and period</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="105"/>
        <source>để trống nếu chưa niêm yết</source>
        <translation>empty if not posted yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="107"/>
        <source>để trống nếu vẫn đang niêm yết</source>
        <translation>empty if still posted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="109"/>
        <source>Trụ sở UBND xã</source>
        <translation>Commune People&apos;s Committee seat</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="115"/>
        <source>Nhà văn hóa %1</source>
        <translation>Cultural house, %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="124"/>
        <source>Nơi khác (nếu có), ví dụ: Chợ trung tâm xã</source>
        <translation>Another place (if any), e.g. the central market</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="134"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="136"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="139"/>
        <source>Văn phòng HĐND và UBND xã</source>
        <translation>Office of the commune&apos;s Council and People&apos;s Committee</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="150"/>
        <source>Loại công khai:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="151"/>
        <source>Kỳ:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="152"/>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="153"/>
        <source>Văn bản số:</source>
        <translation>Document no.:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="154"/>
        <source>Ngày văn bản:</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="155"/>
        <source>Cơ quan ban hành:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="156"/>
        <source>Niêm yết từ – đến:</source>
        <translation>Posted from – to:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="157"/>
        <source>Nơi niêm yết:</source>
        <translation>Places:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="159"/>
        <source>Hình thức khác:</source>
        <translation>Other forms:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="160"/>
        <source>Ý kiến gửi về:</source>
        <translation>Feedback to:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="161"/>
        <source>Hạn nhận ý kiến:</source>
        <translation>Feedback until:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="162"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/posting_dialog.py" line="170"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PostingTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="60"/>
        <source>Niêm yết từ</source>
        <translation>Posted from</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="61"/>
        <source>Nội dung công khai</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="62"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="63"/>
        <source>Số nơi</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="64"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="65"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PostingsPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="374"/>
        <source>Tổng hợp</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="375"/>
        <source>Sổ công khai</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="376"/>
        <source>Ngân sách</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="377"/>
        <source>Hộ nghèo, cận nghèo</source>
        <translation>Poverty lists</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="378"/>
        <source>Tin, bài</source>
        <translation>News items</translation>
    </message>
</context>
<context>
    <name>PovertyTab</name>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="37"/>
        <source>Đã lập danh sách sơ bộ</source>
        <translation>Preliminary list made</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="38"/>
        <source>Đã niêm yết, chờ ý kiến</source>
        <translation>Posted, awaiting feedback</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="39"/>
        <source>Có ý kiến chờ phúc tra</source>
        <translation>Objections awaiting re-check</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="40"/>
        <source>Đã phúc tra</source>
        <translation>Re-checked</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="41"/>
        <source>Đã công nhận</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="43"/>
        <source>Mới vào danh sách</source>
        <translation>New on the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="44"/>
        <source>Ra khỏi danh sách</source>
        <translation>Leaving the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="45"/>
        <source>Đổi phân loại</source>
        <translation>Class changed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="68"/>
        <source>Rà soát năm %1</source>
        <translation>Review %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="74"/>
        <source>Nhập danh sách từ Excel…</source>
        <translation>Import the list from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="74"/>
        <source>Thêm hộ…</source>
        <translation>Add a household…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="75"/>
        <source>Niêm yết danh sách sơ bộ…</source>
        <translation>Post the preliminary list…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="76"/>
        <source>Ghi ý kiến, khiếu nại…</source>
        <translation>Record an objection…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="76"/>
        <source>Ghi kết quả phúc tra…</source>
        <translation>Record a re-check…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="77"/>
        <source>Niêm yết kết quả phúc tra…</source>
        <translation>Post the re-check results…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="77"/>
        <source>Công nhận danh sách…</source>
        <translation>Recognise the list…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="78"/>
        <source>Niêm yết danh sách được công nhận…</source>
        <translation>Post the recognised list…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="89"/>
        <source>Danh sách hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="90"/>
        <source>Ý kiến, phúc tra</source>
        <translation>Objections, re-checks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="91"/>
        <source>So với năm trước</source>
        <translation>Against last year</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="95"/>
        <source>Đồng bộ:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="172"/>
        <source>Chưa có danh sách của năm này. Nhập danh sách từ Excel để bắt đầu.</source>
        <translation>No list for this year yet. Import one from Excel to start.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="178"/>
        <source> — Quyết định %1 ngày %2</source>
        <translation> — decision %1 of %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="182"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="182"/>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="216"/>
        <source>Chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="182"/>
        <source>CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="182"/>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="216"/>
        <source>Thôn, bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="183"/>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="183"/>
        <source>Nhân khẩu</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="183"/>
        <source>Thu nhập</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="184"/>
        <source>Thiếu hụt</source>
        <translation>Deprivations</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="184"/>
        <source>Sơ bộ</source>
        <translation>Preliminary</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="184"/>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="363"/>
        <source>Công nhận</source>
        <translation>Recognise</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="204"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="204"/>
        <source>Người nêu</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="204"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="205"/>
        <source>Phúc tra</source>
        <translation>Re-check</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="205"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="216"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="217"/>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="217"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="226"/>
        <source>không còn trong danh sách</source>
        <translation>no longer on the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="231"/>
        <source>Chọn danh sách hộ nghèo, cận nghèo</source>
        <translation>Choose the list of poor and near-poor households</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="232"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="239"/>
        <source>Danh sách năm %1: %2 hộ. Nhập làm danh sách sơ bộ?</source>
        <translation>List %1: %2 households. Import as the preliminary list?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="242"/>
        <source>Danh sách sơ bộ hiện có (%1 hộ) sẽ được thay.</source>
        <translation>The current preliminary list (%1 households) will be replaced.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="245"/>
        <source>Cần xem lại:</source>
        <translation>To check:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="249"/>
        <source>Đang đọc danh sách hộ…</source>
        <translation>Reading the household list…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="260"/>
        <source>Chưa có danh sách của năm này.</source>
        <translation>No list for this year yet.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="287"/>
        <source>Không thuộc diện</source>
        <translation>Not on the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="300"/>
        <source>Thêm hộ vào danh sách</source>
        <translation>Add a household to the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="301"/>
        <source>Họ và tên chủ hộ:</source>
        <translation>Head of household:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="302"/>
        <source>Số CCCD:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="303"/>
        <source>Thôn, bản:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="305"/>
        <source>Dân tộc:</source>
        <translation>Ethnicity:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="306"/>
        <source>Số nhân khẩu:</source>
        <translation>Members:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="307"/>
        <source>Khu vực:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="307"/>
        <source>Nông thôn</source>
        <translation>Rural</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="308"/>
        <source>Thành thị</source>
        <translation>Urban</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="309"/>
        <source>Thu nhập (đồng/người/tháng):</source>
        <translation>Income (đồng per person per month):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="310"/>
        <source>Phân loại:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="311"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="320"/>
        <source>(không gắn với hộ nào)</source>
        <translation>(no particular household)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="323"/>
        <source>Ý kiến, khiếu nại về danh sách</source>
        <translation>Objection to the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="324"/>
        <source>Ngày nhận:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="325"/>
        <source>Người nêu:</source>
        <translation>Raised by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="326"/>
        <source>Về hộ:</source>
        <translation>Household:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="327"/>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="340"/>
        <source>Chưa có ý kiến nào cần phúc tra.</source>
        <translation>No objection awaits a re-check.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="343"/>
        <source>Kết quả phúc tra</source>
        <translation>Re-check result</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="344"/>
        <source>Ý kiến:</source>
        <translation>Feedback:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="345"/>
        <source>Ngày phúc tra:</source>
        <translation>Re-checked on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="346"/>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="347"/>
        <source>Phân loại sau phúc tra:</source>
        <translation>Class after the re-check:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="359"/>
        <source>Quyết định công nhận danh sách</source>
        <translation>Decision recognising the list</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="360"/>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/poverty_tab.py" line="361"/>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="98"/>
        <source>Cập nhật tiến độ</source>
        <translation>Progress update</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="111"/>
        <source>Số, ký hiệu văn bản</source>
        <translation>Document number/symbol</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="111"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="112"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="112"/>
        <source>Tệp đính kèm</source>
        <translation>Attached file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="116"/>
        <source>Thêm văn bản</source>
        <translation>Add document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="117"/>
        <source>Đính kèm tệp…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="118"/>
        <source>Bỏ dòng</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="128"/>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="129"/>
        <source>Kết quả thực hiện:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="130"/>
        <source>Ngày cập nhật:</source>
        <translation>Reported on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="135"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_dialogs.py" line="148"/>
        <source>Chọn tệp minh chứng</source>
        <translation>Choose the evidence file</translation>
    </message>
</context>
<context>
    <name>ProvinceCommune</name>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="24"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="24"/>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="36"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="25"/>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="29"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="25"/>
        <source>Mốc tiếp theo</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="26"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="26"/>
        <source>Hội nghị</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="27"/>
        <source>Ý kiến</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="27"/>
        <source>Cam kết chưa xong</source>
        <translation>Open commitments</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="28"/>
        <source>Nội dung phải công khai</source>
        <translation>Required disclosure</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="28"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="29"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="30"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="35"/>
        <source>Ngày tiếp</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="35"/>
        <source>Công dân (đã che)</source>
        <translation>Citizens (masked)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="36"/>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="46"/>
        <source>Số đơn</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="46"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="47"/>
        <source>Người gửi (đã che)</source>
        <translation>Sender (masked)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="47"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="48"/>
        <source>Phân loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="48"/>
        <source>Đã giải quyết xong</source>
        <translation>Resolved on</translation>
    </message>
</context>
<context>
    <name>ProvinceCommuneDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="75"/>
        <source>Xem dữ liệu của xã, phường (chỉ xem)</source>
        <translation>A commune&apos;s data (read-only)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="77"/>
        <source>Đang đọc dữ liệu…</source>
        <translation>Reading the data…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="88"/>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="89"/>
        <source>Tiếp công dân</source>
        <translation>Citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="90"/>
        <source>Đơn thư</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="91"/>
        <source>Đối thoại</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="92"/>
        <source>Công khai</source>
        <translation>Public postings</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="110"/>
        <source>Không đọc được dữ liệu của xã.</source>
        <translation>Could not read the commune&apos;s data.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="117"/>
        <source>gói gần nhất nhận lúc %1 từ máy %2 (%3)</source>
        <translation>last bundle received %1 from PC %2 (%3)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="119"/>
        <source>chưa gửi gói dữ liệu nào</source>
        <translation>no bundle sent yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="120"/>
        <source>đúng hạn</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="120"/>
        <source>chậm</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="120"/>
        <source>chưa gửi</source>
        <translation>not sent</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="121"/>
        <source>chưa đến hạn</source>
        <translation>not due yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_commune.py" line="122"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (mã %2), kỳ %3: %4; báo cáo kỳ: %5. Chỉ xem: họ tên và số định danh của công dân đã được che.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (code %2), period %3: %4; period report: %5. Read-only: citizens&apos; names and ID numbers are masked.</translation>
    </message>
</context>
<context>
    <name>ProvinceOverview</name>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="43"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="43"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="50"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="52"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="57"/>
        <source>Xã, phường</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="44"/>
        <source>Gói gần nhất</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="44"/>
        <source>Từ máy</source>
        <translation>From PC</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="45"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="45"/>
        <source>Biên nhận chưa xác nhận</source>
        <translation>Unconfirmed receipts</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="46"/>
        <source>Giữ lại</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="46"/>
        <source>Rẽ nhánh</source>
        <translation>Forks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="47"/>
        <source>Cách ly</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="47"/>
        <source>Báo cáo kỳ</source>
        <translation>Period report</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="48"/>
        <source>Nhiệm vụ hoàn thành</source>
        <translation>Tasks done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="48"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="49"/>
        <source>Công khai đúng quy định</source>
        <translation>Disclosures OK</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="50"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="51"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="51"/>
        <source>Mốc quá hạn</source>
        <translation>Overdue milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="52"/>
        <source>Lượt tiếp</source>
        <translation>Receptions</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="53"/>
        <source>Công dân</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="53"/>
        <source>Đơn tiếp nhận</source>
        <translation>Petitions received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="54"/>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="54"/>
        <source>Đang giải quyết</source>
        <translation>Being resolved</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="55"/>
        <source>Hội nghị đối thoại</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="55"/>
        <source>Ý kiến</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="56"/>
        <source>Cam kết chưa xong</source>
        <translation>Open commitments</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="57"/>
        <source>Máy</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="58"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="58"/>
        <source>Nhận lúc</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="59"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ProvinceOverviewPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="110"/>
        <source>Tổng hợp các xã, phường</source>
        <translation>Consolidated view of the communes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="115"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="117"/>
        <source>Xem xã đã chọn…</source>
        <translation>View the selected commune…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="119"/>
        <source>Xuất báo cáo tổng hợp…</source>
        <translation>Export the consolidated report…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="125"/>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="129"/>
        <source>xã, phường đã đăng ký</source>
        <translation>communes enrolled</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="129"/>
        <source>báo cáo kỳ đã nhận</source>
        <translation>period reports received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="130"/>
        <source>báo cáo đúng hạn</source>
        <translation>reports on time</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="130"/>
        <source>lượt nhiệm vụ quá hạn</source>
        <translation>overdue tasks, counted per commune</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="131"/>
        <source>gói dữ liệu chờ xử lý</source>
        <translation>bundles waiting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="149"/>
        <source>Các xã, phường</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="150"/>
        <source>Nhiệm vụ quá hạn</source>
        <translation>Overdue tasks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="151"/>
        <source>Tiếp dân, đơn thư, đối thoại</source>
        <translation>Reception, petitions, dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="152"/>
        <source>Gói chờ xử lý</source>
        <translation>Bundles waiting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="156"/>
        <source>Báo cáo kỳ của các xã, phường</source>
        <translation>The communes&apos; period reports</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="158"/>
        <source>Tiến độ nhiệm vụ theo chỉ số nội dung (lượt nhiệm vụ × xã, phường)</source>
        <translation>Task progress by dimension (tasks × communes)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="219"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="280"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="220"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="280"/>
        <source>Chậm</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="221"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="280"/>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="222"/>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="281"/>
        <source>Chưa đến hạn</source>
        <translation>Not due yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="235"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="235"/>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="237"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="237"/>
        <source>Chưa thực hiện</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="262"/>
        <source>Đúng hạn tính theo ngày xã ban hành báo cáo.</source>
        <translation>On time is judged by the date the commune issued the report.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="263"/>
        <source>Đúng hạn tính theo ngày tỉnh nhận được báo cáo trong gói dữ liệu của xã.</source>
        <translation>On time is judged by the date the province received the report in the commune&apos;s bundle.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="265"/>
        <source>Kỳ %1: số liệu từ %2 đến %3; hạn gửi báo cáo: trước ngày %4.</source>
        <translation>Period %1: figures from %2 to %3; reports are due before %4.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="270"/>
        <source>Tỉnh chưa có kế hoạch PAPI của năm này.</source>
        <translation>The province has no PAPI plan for this year yet.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="285"/>
        <source>Chưa gửi gói nào</source>
        <translation>No bundle yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="244"/>
        <source>Nhiệm vụ quá hạn (%1)</source>
        <translation>Overdue tasks (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="227"/>
        <source>Gói chờ xử lý (%1)</source>
        <translation>Bundles waiting (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="316"/>
        <source>Hãy chọn một xã, phường trong bảng các xã.</source>
        <translation>Choose a commune in the communes table.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="324"/>
        <source>Chọn thư mục lưu báo cáo tổng hợp</source>
        <translation>Choose where to save the consolidated report</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="327"/>
        <source>Mật khẩu khóa của tỉnh (để ký báo cáo tổng hợp).</source>
        <translation>The province&apos;s key passphrase (to sign the consolidated report).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/province_overview.py" line="337"/>
        <source>Đã xuất báo cáo tổng hợp có chữ ký của tỉnh:
%1</source>
        <translation>Consolidated report exported, signed by the province:
%1</translation>
    </message>
</context>
<context>
    <name>ProvinceSync</name>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="35"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="35"/>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="39"/>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="43"/>
        <source>Xã, phường</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="36"/>
        <source>Số máy</source>
        <translation>PCs</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="36"/>
        <source>Đăng ký ngày</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="37"/>
        <source>Chứng thư</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="37"/>
        <source>Gói gần nhất</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="38"/>
        <source>Kết quả gói gần nhất</source>
        <translation>Last bundle&apos;s result</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="39"/>
        <source>Máy</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="40"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="40"/>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="46"/>
        <source>Nhận lúc</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="41"/>
        <source>Số thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="41"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="43"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="44"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="44"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="45"/>
        <source>Kết quả kiểm tra chữ ký</source>
        <translation>Signature check</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="61"/>
        <source>Chế độ tỉnh: nhận dữ liệu của các xã qua USB</source>
        <translation>Province mode: receiving the communes&apos; data by USB stick</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="63"/>
        <source>Nhận từ USB</source>
        <translation>Receive from USB</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="64"/>
        <source>Chạy thử</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="68"/>
        <source>Cả thư mục trên USB…</source>
        <translation>A whole folder on the stick…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="68"/>
        <source>Chọn các tệp…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="74"/>
        <source>Đọc và kiểm tra các gói như khi nhận thật, nhưng không lưu gì và không ghi biên nhận.</source>
        <translation>Read and check the bundles as a real import would, but keep nothing and write no receipt.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="76"/>
        <source>Cấp gói đăng ký từ yêu cầu…</source>
        <translation>Issue an enrolment package from a request…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="77"/>
        <source>Thu hồi chứng thư của xã…</source>
        <translation>Revoke a commune&apos;s certificates…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="78"/>
        <source>Phát hành bản cập nhật…</source>
        <translation>Publish an update…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="79"/>
        <source>Ghi bản cập nhật có chữ ký của tỉnh cho mọi xã: kế hoạch của tỉnh, dữ liệu tham chiếu, danh sách chứng thư thu hồi và chứng thư đã gia hạn.</source>
        <translation>Write an update signed by the province for every commune: the province&apos;s plan, reference data, the revocation list and renewed certificates.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="81"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="82"/>
        <source>Áp dụng sớm gói đang giữ…</source>
        <translation>Release a held bundle early…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="83"/>
        <source>Gói chờ gói trước mà gói đó sẽ không đến: áp dụng ngay, bỏ qua phần còn thiếu. Cần ghi lý do; việc này được ghi vào nhật ký thao tác.</source>
        <translation>A bundle waiting for an earlier one that will not come: apply it now, going on without what is missing. A reason is needed; this is entered in the audit trail.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="106"/>
        <source>Kết quả nhận</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="131"/>
        <source>Chứng thư gốc của tỉnh: %1
Dấu vân tay SHA-256 (báo cho xã khi xã cài gói đăng ký): %2
Đã đăng ký %3 xã, phường; đã nhận %4 gói dữ liệu, %5 gói đang chờ xử lý.</source>
        <translation>The province&apos;s root certificate: %1
SHA-256 fingerprint (tell it to a commune installing its enrolment package): %2
Communes enrolled: %3; bundles received: %4, waiting: %5.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="138"/>
        <source>Đã thu hồi %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="139"/>
        <source>Còn hiệu lực (%1 máy)</source>
        <translation>In force (PCs: %1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="140"/>
        <source>Chưa gửi gói nào</source>
        <translation>No bundle yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="153"/>
        <source>Các xã đã đăng ký (%1)</source>
        <translation>Enrolled communes (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="154"/>
        <source>Gói chờ xử lý (%1)</source>
        <translation>Bundles waiting (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="157"/>
        <source>Xung đột (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="174"/>
        <source>Hợp lệ: mọi chữ ký đúng, tin cậy</source>
        <translation>Valid: every signature correct and trusted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="175"/>
        <source>KHÔNG HỢP LỆ: %1</source>
        <translation>NOT VALID: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="180"/>
        <source>Văn bản đến (%1)</source>
        <translation>Incoming documents (%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="182"/>
        <source>Văn bản đến (%1, %2 không hợp lệ)</source>
        <translation>Incoming documents (%1, %2 not valid)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="188"/>
        <source>Chọn các gói dữ liệu của xã</source>
        <translation>Choose the communes&apos; bundles</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="189"/>
        <source>Gói dữ liệu (*.papi)</source>
        <translation>Bundles (*.papi)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="192"/>
        <source>Chọn thư mục trên USB có các gói dữ liệu</source>
        <translation>Choose the folder on the USB stick with the bundles</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="196"/>
        <source>Mật khẩu khóa của tỉnh (để giải mã các gói và ký biên nhận).</source>
        <translation>The province&apos;s key passphrase (to decrypt the bundles and sign the receipts).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="200"/>
        <source>Đang nhận các gói dữ liệu…</source>
        <translation>Receiving the bundles…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="207"/>
        <source>Không thấy gói dữ liệu nào trong các tệp đã chọn. Gói của xã có đuôi .papi; biên nhận và gói đăng ký nằm cạnh đó không phải gói dữ liệu.</source>
        <translation>No bundle was found in what you chose. A commune&apos;s bundle ends in .papi; receipts and enrolment packages beside it are not bundles.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="211"/>
        <source>Đã đọc %1 gói: %2 gói nhận được, %3 gói giữ lại hoặc từ chối (xem lý do trong bảng).</source>
        <translation>Bundles read: %1; received: %2; held back or refused: %3 (see the reasons in the table).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="214"/>
        <source>Đây là chạy thử: không có gì được lưu, không ghi biên nhận.</source>
        <translation>This was a dry run: nothing was kept and no receipt written.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="216"/>
        <source>Biên nhận được ghi bên cạnh mỗi gói trên USB: xã mang USB về và đọc biên nhận.</source>
        <translation>A receipt was written beside each bundle on the stick: the commune takes the stick home and reads it.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="222"/>
        <source>Chọn tệp yêu cầu đăng ký của xã</source>
        <translation>Choose the commune&apos;s enrolment request</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="223"/>
        <source>Yêu cầu đăng ký (*.json);;Mọi tệp (*)</source>
        <translation>Enrolment request (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="231"/>
        <source>Không đọc được tệp %1. Hãy chép lại tệp yêu cầu từ USB.</source>
        <translation>File %1 cannot be read. Copy the request from the USB stick again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="233"/>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="236"/>
        <source>Cấp chứng thư</source>
        <translation>Issue a certificate</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="234"/>
        <source>Cấp chứng thư cho %1 (mã %2), máy %3? Chỉ cấp cho yêu cầu nhận trực tiếp từ cán bộ của xã.</source>
        <translation>Issue a certificate to %1 (code %2), PC %3? Issue only for a request received in person from the commune&apos;s officer.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="236"/>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="275"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="238"/>
        <source>Lưu gói đăng ký (chép vào USB gửi xã)</source>
        <translation>Save the enrolment package (copy it to the commune&apos;s USB stick)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="240"/>
        <source>Gói đăng ký (*.papi)</source>
        <translation>Enrolment package (*.papi)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="243"/>
        <source>Mật khẩu khóa của tỉnh (để ký chứng thư).</source>
        <translation>The province&apos;s key passphrase (to sign the certificate).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="253"/>
        <source>Đã cấp gói đăng ký cho %1: %2. %4 Chép gói vào USB gửi xã, và báo cho xã (qua điện thoại hoặc văn bản) dấu vân tay chứng thư gốc của tỉnh: %3</source>
        <translation>Enrolment package issued for %1: %2. %4 Copy the package to a USB stick for the commune, and tell the commune (by phone or letter) the fingerprint of the province&apos;s root certificate: %3</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="265"/>
        <source>Hãy chọn xã, phường cần thu hồi chứng thư trong danh sách các xã đã đăng ký.</source>
        <translation>Choose the commune whose certificates to revoke in the list of enrolled communes.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="268"/>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="273"/>
        <source>Thu hồi chứng thư</source>
        <translation>Revoke certificates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="269"/>
        <source>Lý do thu hồi chứng thư của %1 (ví dụ: máy bị mất, thay máy):</source>
        <translation>Why revoke the certificates of %1 (e.g. PC lost, PC replaced):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="274"/>
        <source>Thu hồi mọi chứng thư còn hiệu lực của %1? Gói dữ liệu do các máy này ký sẽ bị từ chối; xã phải tạo yêu cầu đăng ký mới. Không hoàn tác được.</source>
        <translation>Revoke every certificate of %1 still in force? Bundles these PCs sign will be refused; the commune must make a new enrolment request. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="275"/>
        <source>Thu hồi</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="279"/>
        <source>Đã thu hồi %1 chứng thư của %2. Gói dữ liệu do các máy này ký sẽ bị từ chối; muốn xã gửi tiếp, hãy cấp gói đăng ký từ yêu cầu mới của xã.</source>
        <translation>Certificates of %2 revoked: %1. Bundles these PCs sign will be refused; for the commune to send again, issue a package from its new request.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="284"/>
        <source>Mật khẩu khóa của tỉnh (để giải mã gói và ký biên nhận).</source>
        <translation>The province key&apos;s passphrase (to decrypt the bundle and sign the receipt).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="290"/>
        <source>Chọn thư mục trên USB để ghi bản cập nhật cho các xã</source>
        <translation>Choose the folder on the USB stick for the communes&apos; update</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="293"/>
        <source>Mật khẩu khóa của tỉnh (để ký bản cập nhật).</source>
        <translation>The province key&apos;s passphrase (to sign the update).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_province.py" line="298"/>
        <source>Đã ghi bản cập nhật %1. Chép tệp này cho mọi xã; xã đọc nó ở trang Đồng bộ (Đọc biên nhận / gói từ USB). Xã đăng ký sau này nhận bản cập nhật mới nhất trong gói đăng ký.</source>
        <translation>Update written: %1. Copy this file to every commune; they read it on the Sync page (Read receipts / bundles from USB). A commune that enrols later gets the newest update in its enrolment package.</translation>
    </message>
</context>
<context>
    <name>ProvinceTemplatesBox</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="47"/>
        <source>Mẫu biểu của tỉnh</source>
        <translation>The province&apos;s templates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="54"/>
        <source>Lưu bản sao…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="82"/>
        <source>Tên tệp</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="82"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="82"/>
        <source>Bản cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="83"/>
        <source>Ngày phát hành</source>
        <translation>Published on</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="89"/>
        <source>phiên bản %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="95"/>
        <source>Mẫu biểu tỉnh gửi cùng bản cập nhật (trang Đồng bộ). Chọn một mẫu rồi lưu bản sao để điền hoặc in; bản trong chương trình giữ nguyên.</source>
        <translation>Templates the province sent with its updates (Sync page). Select one and save a copy to fill in or print; the program&apos;s copy stays as it is.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="97"/>
        <source>Chưa nhận mẫu biểu nào của tỉnh. Mẫu biểu đến cùng bản cập nhật của tỉnh (trang Đồng bộ).</source>
        <translation>No template from the province yet. Templates come with the province&apos;s updates (Sync page).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="122"/>
        <source>Lưu bản sao mẫu biểu</source>
        <translation>Save a copy of the template</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="124"/>
        <source>Mẫu biểu (*%1);;Mọi tệp (*)</source>
        <translation>Template (*%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/province_templates_box.py" line="131"/>
        <source>Đã lưu bản sao mẫu biểu %1: %2</source>
        <translation>Saved a copy of template %1: %2</translation>
    </message>
</context>
<context>
    <name>QtProgress</name>
    <message>
        <location filename="../papi_desktop/ui/job_progress.py" line="26"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/job_progress.py" line="27"/>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
</context>
<context>
    <name>ReceptionDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="49"/>
        <source>Ghi sổ tiếp công dân</source>
        <translation>Record a citizen reception</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="53"/>
        <source>Thường xuyên (công chức được phân công)</source>
        <translation>Regular (assigned officer)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="54"/>
        <source>Định kỳ (Chủ tịch UBND tiếp)</source>
        <translation>Periodic (the chairman receives)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="55"/>
        <source>Đột xuất (lãnh đạo tiếp)</source>
        <translation>Ad hoc (a leader receives)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="59"/>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="59"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="60"/>
        <source>CCCD/giấy tờ</source>
        <translation>ID number/document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="60"/>
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="61"/>
        <source>Đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="66"/>
        <source>Thêm công dân (Ctrl+Shift+N)</source>
        <translation>Add citizen (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="73"/>
        <source>Khiếu nại</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="73"/>
        <source>Tố cáo</source>
        <translation>Denunciation</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="74"/>
        <source>Kiến nghị</source>
        <translation>Petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="74"/>
        <source>Phản ánh</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="78"/>
        <source>Chưa xử lý</source>
        <translation>Not handled yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="78"/>
        <source>Thụ lý</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="79"/>
        <source>Hướng dẫn</source>
        <translation>Guided</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="79"/>
        <source>Chuyển đơn</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="85"/>
        <source>Cơ quan, đơn vị nhận hoặc được hướng dẫn đến</source>
        <translation>Authority receiving it or the citizen was guided to</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="87"/>
        <source>Số văn bản hướng dẫn / chuyển đơn</source>
        <translation>Number of the guidance / forwarding document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="90"/>
        <source>Vào sổ đơn để theo dõi hạn trả lời công dân (10 ngày làm việc)</source>
        <translation>Enter in the petition register to follow the reply deadline (10 working days)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="100"/>
        <source>Ngày tiếp:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="101"/>
        <source>Hình thức tiếp:</source>
        <translation>Reception type:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="102"/>
        <source>Người tiếp:</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="103"/>
        <source>Công dân:</source>
        <translation>Citizens:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="105"/>
        <source>Số người:</source>
        <translation>Number of people:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="106"/>
        <source>Nội dung vụ việc:</source>
        <translation>Matter:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="107"/>
        <source>Phân loại:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="108"/>
        <source>Cơ quan đã giải quyết:</source>
        <translation>Authorities that already handled it:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="109"/>
        <source>Hướng xử lý:</source>
        <translation>Handling:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="112"/>
        <source>Theo dõi kết quả:</source>
        <translation>Follow-up of the result:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="113"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="117"/>
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_form.py" line="138"/>
        <source>Năm sinh “%1” phải là số, ví dụ 1985.</source>
        <translation>Birth year “%1” must be a number, e.g. 1985.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="88"/>
        <source>Tìm theo họ tên, địa chỉ, nội dung (không dấu cũng được)… Ctrl+F</source>
        <translation>Search names, addresses, content (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="91"/>
        <source>Tất cả thời gian</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="104"/>
        <source>Mọi hình thức</source>
        <translation>Any type</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="105"/>
        <source>Thường xuyên</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="105"/>
        <source>Định kỳ</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="106"/>
        <source>Đột xuất</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="108"/>
        <source>Ghi lượt tiếp (Ctrl+N)</source>
        <translation>Record a visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="109"/>
        <source>Nhập sổ từ Excel…</source>
        <translation>Import book from Excel…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="252"/>
        <source>%1 lượt tiếp</source>
        <translation>%1 visits</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="255"/>
        <source>Chủ tịch UBND chưa có buổi tiếp định kỳ trong 01 tuần (ít nhất 01 ngày/tuần), tuần đó bắt đầu %2.</source>
        <translation>The chairman has had no periodic reception for 1 week (at least one day a week is required); that week starts %2.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="257"/>
        <source>Chủ tịch UBND chưa có buổi tiếp định kỳ trong %1 tuần (ít nhất 01 ngày/tuần), tuần gần nhất bắt đầu %2.</source>
        <translation>The chairman has had no periodic reception for %1 weeks (at least one day a week is required); the latest of them starts %2.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="274"/>
        <source>Chọn sổ tiếp công dân</source>
        <translation>Choose the reception book</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="275"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="282"/>
        <source>Đang đọc sổ tiếp công dân…</source>
        <translation>Reading the reception book…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="291"/>
        <source>Dòng %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="293"/>
        <source>Tệp có %1 dòng lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.

</source>
        <translation>The file has %1 rows with errors; nothing was written. Fix the file and import again.

</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="297"/>
        <source>%1 lượt tiếp trong tệp: %2 lượt mới, %3 lượt đã có trong sổ. Nhập các lượt mới?</source>
        <translation>%1 visits in the file: %2 new, %3 already in the book. Import the new ones?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="303"/>
        <source>Đang nhập sổ tiếp công dân…</source>
        <translation>Importing the reception book…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="312"/>
        <source>Đã nhập %1 lượt tiếp.</source>
        <translation>Imported %1 visits.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reception_page.py" line="317"/>
        <source>Đã hủy. Dữ liệu không thay đổi.</source>
        <translation>Cancelled. No data was changed.</translation>
    </message>
</context>
<context>
    <name>ReceptionTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="19"/>
        <source>Ngày tiếp</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="20"/>
        <source>Hình thức</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="21"/>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="22"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="23"/>
        <source>CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="24"/>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="25"/>
        <source>Nội dung vụ việc</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="26"/>
        <source>Phân loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/reception_model.py" line="27"/>
        <source>Hướng xử lý</source>
        <translation>Handling</translation>
    </message>
</context>
<context>
    <name>RecordState</name>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="20"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="22"/>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="23"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="24"/>
        <source>Tỉnh đã nhận</source>
        <translation>Received by province</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="25"/>
        <source>Xung đột</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="26"/>
        <source>Đang giữ</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="27"/>
        <source>Cách ly</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/record_state.py" line="33"/>
        <source>Xung đột, chờ người chọn: %1. Chọn giá trị ở trang Đồng bộ, thẻ Xung đột.</source>
        <translation>Conflict, awaiting a choice: %1. Choose the value on the Sync page, Conflicts tab.</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="111"/>
        <source>Tìm theo nội dung, số văn bản (không dấu cũng được)… Ctrl+F</source>
        <translation>Search content, document numbers (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="113"/>
        <source>Mọi năm</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="114"/>
        <source>Thêm mục công khai (Ctrl+N)</source>
        <translation>New disclosure (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="115"/>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="116"/>
        <source>In thông báo (PDF)…</source>
        <translation>Print the notice (PDF)…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="118"/>
        <source>Khổ A4</source>
        <translation>A4 paper</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="119"/>
        <source>Khổ A3</source>
        <translation>A3 paper</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="120"/>
        <source>Thêm minh chứng…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="121"/>
        <source>Ghi ý kiến…</source>
        <translation>Record feedback…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="122"/>
        <source>Trả lời ý kiến…</source>
        <translation>Answer feedback…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="191"/>
        <source>%1 mục</source>
        <translation>%1 disclosures</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="204"/>
        <source>Hãy chọn một mục công khai trong danh sách.</source>
        <translation>Choose a disclosure in the list.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="227"/>
        <source>Căn cứ: %1</source>
        <translation>Rules: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="229"/>
        <source>Minh chứng: %1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="232"/>
        <source> → chưa trả lời</source>
        <translation> → not answered yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="243"/>
        <source>Đang đọc mục công khai đã chọn; thử lại sau giây lát.</source>
        <translation>Still reading the chosen posting; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="276"/>
        <source>Lưu thông báo niêm yết</source>
        <translation>Save the notice</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="277"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="285"/>
        <source>Đã lưu thông báo: %1</source>
        <translation>Notice saved: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="296"/>
        <source>Chọn ảnh hoặc biên bản niêm yết</source>
        <translation>Choose a photo or posting minutes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="297"/>
        <source>Ảnh, PDF (*.jpg *.jpeg *.png *.pdf);;Mọi tệp (*)</source>
        <translation>Photos, PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="303"/>
        <source>Minh chứng niêm yết</source>
        <translation>Posting evidence</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="304"/>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="305"/>
        <source>Ảnh chụp nơi niêm yết</source>
        <translation>Photo of the board</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="305"/>
        <source>Biên bản niêm yết</source>
        <translation>Posting minutes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="306"/>
        <source>Biên bản kết thúc niêm yết</source>
        <translation>End-of-posting minutes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="306"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="307"/>
        <source>Mô tả:</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="324"/>
        <source>Ý kiến nhận được trong thời gian niêm yết</source>
        <translation>Feedback received during the posting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="325"/>
        <source>Ngày nhận:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="326"/>
        <source>Người góp ý:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="326"/>
        <source>Để trống nếu người góp ý không ghi tên</source>
        <translation>Leave empty if the sender gave no name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="327"/>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="328"/>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="349"/>
        <source>Trả lời:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="329"/>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="350"/>
        <source>Ngày trả lời:</source>
        <translation>Answered on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="344"/>
        <source>Mục này không có ý kiến nào đang chờ trả lời.</source>
        <translation>This disclosure has no feedback waiting for an answer.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="347"/>
        <source>Trả lời ý kiến</source>
        <translation>Answer feedback</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/postings_page.py" line="348"/>
        <source>Ý kiến:</source>
        <translation>Feedback:</translation>
    </message>
</context>
<context>
    <name>RegistryWarning</name>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="48"/>
        <source>văn bản đi</source>
        <translation>outgoing document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="49"/>
        <source>đơn</source>
        <translation>petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="50"/>
        <source>%1 %2 (máy %3, %4)</source>
        <translation>%1 %2 (PC %3, %4)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="54"/>
        <source>Cảnh báo: máy khác cũng cấp số của xã trong khi máy này giữ sổ (%1 số): %2%3. Hai máy cùng giữ sổ thì số có thể trùng: chỉ một máy được giữ sổ; máy kia phải thôi vai trò và gửi hết dữ liệu sang đây. Hãy kiểm tra các số trùng trong sổ.</source>
        <translation>Warning: another PC also gives the commune&apos;s numbers while this PC keeps the registers (%1 numbers): %2%3. With two registry PCs numbers can repeat: only one PC may keep the registers; the other must give the role up and send all its data here. Check the registers for repeated numbers.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="49"/>
        <source>Mở đầu</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="50"/>
        <source>Tồn tại, hạn chế</source>
        <translation>Shortcomings</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="51"/>
        <source>Nhiệm vụ thời gian tới</source>
        <translation>Next tasks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="91"/>
        <source>tự động</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="94"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="95"/>
        <source>Ký số (PDF và Excel)</source>
        <translation>Sign (PDF and Excel)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="100"/>
        <source>ảnh con dấu PNG (không bắt buộc)</source>
        <translation>seal image, PNG (optional)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="104"/>
        <source>Phó Chủ tịch ký thay (KT. CHỦ TỊCH)</source>
        <translation>The vice-chairman signs for the chairman (KT. CHỦ TỊCH)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="105"/>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="157"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="106"/>
        <source>Xuất báo cáo</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="108"/>
        <source>Kiểm tra chữ ký của tệp…</source>
        <translation>Verify a signed file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="118"/>
        <source>Loại văn bản:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="119"/>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="120"/>
        <source>Hoặc từ – đến:</source>
        <translation>Or from – to:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="121"/>
        <source>Hội nghị:</source>
        <translation>Dialogue:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="122"/>
        <source>Ngày ban hành:</source>
        <translation>Issued on:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="123"/>
        <source>Số văn bản:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="124"/>
        <source>Thư mục lưu:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="126"/>
        <source>Con dấu:</source>
        <translation>Seal:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="127"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="146"/>
        <source>Sổ văn bản đi:</source>
        <translation>Outgoing register:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="158"/>
        <source>Sửa nội dung báo cáo PAPI</source>
        <translation>Edit the PAPI report&apos;s text</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="217"/>
        <source>6 tháng đầu năm %1</source>
        <translation>First half of %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="218"/>
        <source>Năm %1 (số liệu 01/12/%2 – 30/11/%1)</source>
        <translation>Year %1 (figures 01/12/%2 – 30/11/%1)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="221"/>
        <source>Quý %1/%2</source>
        <translation>Quarter %1/%2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="222"/>
        <source>Cả năm %1 (01/01 – 31/12)</source>
        <translation>Whole year %1 (01/01 – 31/12)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="292"/>
        <source>Nội dung báo cáo PAPI đã được sửa, nhưng kỳ báo cáo hoặc số liệu đã thay đổi từ khi lập. Thay bằng nội dung lập lại cho %1 theo số liệu hiện tại?
(Không: giữ nội dung đã sửa.)</source>
        <translation>The PAPI report&apos;s text was edited, but the period or the records have changed since it was prefilled. Replace it with a text prefilled again for %1 from the current records?
(No: keep the edited text.)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="303"/>
        <source>Nội dung đã sửa được lập cho %1, không phải cho %2: đổi lại kỳ báo cáo, hoặc đồng ý lập lại nội dung.</source>
        <translation>The edited text was prefilled for %1, not for %2: change the period back, or agree to prefill the text again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="313"/>
        <source>Chọn thư mục lưu báo cáo</source>
        <translation>Choose where to save reports</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="399"/>
        <source>Xã chưa có khóa ký số: tạo chứng thư của xã trong Cài đặt trước.</source>
        <translation>The commune has no signing key: create its certificate in Settings first.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="394"/>
        <source>Đang xuất báo cáo…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="98"/>
        <source>mật khẩu khóa của xã (chữ ký của cơ quan)</source>
        <translation>commune key passphrase (organisation)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="200"/>
        <source>Ký hai chữ ký theo Nghị định 30/2020: người có thẩm quyền (token), rồi cơ quan (khóa của xã).</source>
        <translation>Two signatures as Decree 30/2020 asks: the person with authority (token), then the organisation (the commune&apos;s key).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="203"/>
        <source>Chỉ có một khóa (token của người ký): văn bản sẽ thiếu chữ ký của cơ quan. Nhập mật khẩu khóa của xã để ký đủ hai.</source>
        <translation>Only one key (the signer&apos;s token): the document will lack the organisation&apos;s signature. Enter the commune key&apos;s passphrase to sign both.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="206"/>
        <source>Chưa có khóa để ký: nhập mật khẩu khóa của xã, hoặc chọn token của người ký.</source>
        <translation>No key to sign with yet: enter the commune key&apos;s passphrase, or choose the signer&apos;s token.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="208"/>
        <source>Chỉ có một khóa (khóa của xã): văn bản sẽ thiếu chữ ký của người có thẩm quyền. Chọn token để ký đủ hai.</source>
        <translation>Only one key (the commune&apos;s key): the document will lack the signature of the person with authority. Choose a token to sign both.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="396"/>
        <source>Nhập PIN trên thiết bị token</source>
        <translation>Enter the PIN on the token device</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="419"/>
        <source>Đã xuất %1:</source>
        <translation>Exported %1:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="419"/>
        <source>văn bản</source>
        <translation>the document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="422"/>
        <source>Đã ký số PDF (PAdES) và Excel (.p7s).</source>
        <translation>PDF (PAdES) and Excel (.p7s) signed.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="433"/>
        <source>Đã hủy; không có tệp nào được ghi.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="451"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="451"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="451"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="452"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="454"/>
        <source>Đã ban hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="454"/>
        <source>Đã hủy số</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="455"/>
        <source>Đang xuất</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="457"/>
        <source>, đã ký số</source>
        <translation>, signed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="469"/>
        <source>Chọn tệp đã ký</source>
        <translation>Choose a signed file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="470"/>
        <source>Văn bản đã ký (*.pdf *.xlsx *.p7s)</source>
        <translation>Signed documents (*.pdf *.xlsx *.p7s)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="479"/>
        <source>HỢP LỆ: chữ ký đúng, người ký được tin cậy, tệp không bị sửa sau khi ký.</source>
        <translation>VALID: the signature matches, the signer is trusted, the file is unchanged since signing.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="480"/>
        <source>KHÔNG HỢP LỆ.</source>
        <translation>NOT VALID.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="482"/>
        <source>Người ký: %1</source>
        <translation>Signer: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="484"/>
        <source>Chuỗi chứng thư: %1</source>
        <translation>Certificate chain: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="486"/>
        <source>Thời gian ký (theo đồng hồ máy người ký): %1</source>
        <translation>Signing time (by the signer&apos;s clock): %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="496"/>
        <source>hợp lệ, tin cậy</source>
        <translation>valid, trusted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="496"/>
        <source>KHÔNG tin cậy</source>
        <translation>NOT trusted</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="497"/>
        <source>KHÔNG khớp nội dung</source>
        <translation>does NOT match the content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="498"/>
        <source>trang %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="499"/>
        <source>không hiển thị</source>
        <translation>invisible</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="499"/>
        <source>có hiển thị</source>
        <translation>visible</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/reports_page.py" line="500"/>
        <source>Chữ ký %1: %2 (%3; %4; %5; SHA-256 %6)</source>
        <translation>Signature %1: %2 (%3; %4; %5; SHA-256 %6)</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/role_gate.py" line="53"/>
        <source>Chỉ xem: phần này chỉ %1 thay đổi được.</source>
        <translation>Read only: only %1 may change this part.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/role_gate.py" line="61"/>
        <source>Tài khoản %1 (%2) không có quyền %3. Quyền này thuộc: %4.</source>
        <translation>The account %1 (%2) may not %3. Roles that may: %4.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="58"/>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation>A new language applies when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="59"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="61"/>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="71"/>
        <source>Lưu thông tin đơn vị</source>
        <translation>Save unit details</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="74"/>
        <source>Đơn vị và người ký</source>
        <translation>Unit and signatories</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="76"/>
        <source>Xã, phường:</source>
        <translation>Commune or ward:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="77"/>
        <source>Họ tên Chủ tịch UBND:</source>
        <translation>Chairman&apos;s full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="78"/>
        <source>Chức danh người ký:</source>
        <translation>Signatory&apos;s title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="79"/>
        <source>Họ tên Phó Chủ tịch:</source>
        <translation>Vice chairman&apos;s full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="80"/>
        <source>Công chức phụ trách:</source>
        <translation>Officer in charge:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="81"/>
        <source>Chức danh công chức:</source>
        <translation>Officer&apos;s title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="87"/>
        <source>Sao lưu và khôi phục…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="88"/>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="90"/>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/settings_page.py" line="91"/>
        <source>Bản sao lưu:</source>
        <translation>Backups:</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="40"/>
        <source>Thiết lập PAPI Desktop</source>
        <translation>Set up PAPI Desktop</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="42"/>
        <source>Chọn xã, phường dùng chương trình và nhập tên các chức danh ký báo cáo. Có thể sửa lại trong Cài đặt.</source>
        <translation>Choose the commune or ward using the program and the names of those who sign reports. You can change them later in Settings.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="51"/>
        <source>Gõ tên xã, phường để tìm…</source>
        <translation>Type a commune or ward name to search…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="61"/>
        <source>Xã, phường:</source>
        <translation>Commune or ward:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="62"/>
        <source>Họ tên Chủ tịch UBND:</source>
        <translation>Chairman&apos;s full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="63"/>
        <source>Chức danh người ký:</source>
        <translation>Signatory&apos;s title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="64"/>
        <source>Họ tên Phó Chủ tịch:</source>
        <translation>Vice chairman&apos;s full name:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="65"/>
        <source>Công chức phụ trách:</source>
        <translation>Officer in charge:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="66"/>
        <source>Chức danh công chức:</source>
        <translation>Officer&apos;s title:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="67"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="69"/>
        <source>Mở xã mẫu để dùng thử</source>
        <translation>Open the demo commune</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="70"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/setup_dialog.py" line="91"/>
        <source>Hãy chọn xã, phường trong danh sách 75 đơn vị của tỉnh Sơn La.</source>
        <translation>Choose a commune or ward from the list of Sơn La&apos;s 75 units.</translation>
    </message>
</context>
<context>
    <name>SignImagesBox</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="43"/>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="116"/>
        <source>Ảnh chữ ký, con dấu và token</source>
        <translation>Signature images, seal and token</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="45"/>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="46"/>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="52"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="45"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="57"/>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="91"/>
        <source>Module PKCS#11 của token:</source>
        <translation>Token&apos;s PKCS#11 module:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="58"/>
        <source>Ảnh con dấu (PNG nền trong suốt):</source>
        <translation>Seal image (transparent PNG):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="59"/>
        <source>Ảnh chữ ký của:</source>
        <translation>Signature image of:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="86"/>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="88"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="91"/>
        <source>Module PKCS#11 (*.dll *.so *.dylib)</source>
        <translation>PKCS#11 module (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sign_images_box.py" line="116"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="143"/>
        <source>Ghi bước xử lý đơn</source>
        <translation>Record a processing step</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="145"/>
        <source>Phiếu đề xuất thụ lý</source>
        <translation>Proposal to accept</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="145"/>
        <source>Phiếu chuyển đơn</source>
        <translation>Transfer slip</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="146"/>
        <source>Hướng dẫn, trả lại đơn</source>
        <translation>Guidance, petition returned</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="146"/>
        <source>Thông báo thụ lý</source>
        <translation>Notice of acceptance</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="147"/>
        <source>Quyết định, kết luận giải quyết</source>
        <translation>Resolution decision or conclusion</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="148"/>
        <source>Trả lời công dân</source>
        <translation>Reply to the citizen</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="148"/>
        <source>Lưu đơn</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="153"/>
        <source>Kết thúc theo dõi đơn này</source>
        <translation>Close this petition</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="155"/>
        <source>Bước:</source>
        <translation>Step:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="156"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="157"/>
        <source>Số, ký hiệu văn bản:</source>
        <translation>Document number/symbol:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="158"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/petitions_page.py" line="162"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="10"/>
        <source>Chỉ số nội dung</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="11"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="12"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="13"/>
        <source>Đang làm</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="14"/>
        <source>Chưa làm</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="15"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/summary_model.py" line="16"/>
        <source>% hoàn thành</source>
        <translation>% done</translation>
    </message>
</context>
<context>
    <name>SyncNames</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="55"/>
        <source>Dòng biểu ngân sách</source>
        <translation>Budget table rows</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="56"/>
        <source>Biểu ngân sách</source>
        <translation>Budget tables</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="57"/>
        <source>Cam kết tại đối thoại</source>
        <translation>Dialogue commitments</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="58"/>
        <source>Theo dõi cam kết</source>
        <translation>Commitment follow-ups</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="59"/>
        <source>Thông tin xã, phường</source>
        <translation>Commune profile</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="60"/>
        <source>Hội nghị đối thoại</source>
        <translation>Dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="61"/>
        <source>Ý kiến tại đối thoại</source>
        <translation>Issues raised at dialogues</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="62"/>
        <source>Minh chứng tiến độ</source>
        <translation>Progress evidence</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="63"/>
        <source>Chỉ tiêu kế hoạch</source>
        <translation>Plan indicators</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="64"/>
        <source>Kết quả chỉ tiêu</source>
        <translation>Indicator results</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="65"/>
        <source>Mốc tiến độ</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="66"/>
        <source>Tin, bài</source>
        <translation>News items</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="67"/>
        <source>Sổ văn bản đi</source>
        <translation>Outgoing register</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="68"/>
        <source>Sổ đơn thư</source>
        <translation>Petition register</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="69"/>
        <source>Bước xử lý đơn</source>
        <translation>Petition steps</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="70"/>
        <source>Kế hoạch</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="71"/>
        <source>Phần của kế hoạch</source>
        <translation>Plan sections</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="72"/>
        <source>Sổ công khai</source>
        <translation>Disclosure register</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="73"/>
        <source>Minh chứng niêm yết</source>
        <translation>Posting evidence</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="74"/>
        <source>Hình thức công khai</source>
        <translation>Disclosure channels</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="75"/>
        <source>Ý kiến về nội dung công khai</source>
        <translation>Feedback on disclosures</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="76"/>
        <source>Nơi niêm yết</source>
        <translation>Posting places</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="77"/>
        <source>Danh sách hộ nghèo, cận nghèo</source>
        <translation>Poor and near-poor households</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="78"/>
        <source>Khiếu nại về rà soát hộ nghèo</source>
        <translation>Objections to the poverty review</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="79"/>
        <source>Đợt rà soát hộ nghèo</source>
        <translation>Poverty reviews</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="80"/>
        <source>Báo cáo tiến độ nhiệm vụ</source>
        <translation>Task progress updates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="81"/>
        <source>Sổ tiếp công dân</source>
        <translation>Citizen reception register</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="82"/>
        <source>Công dân được tiếp</source>
        <translation>Citizens received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="83"/>
        <source>Nhiệm vụ kế hoạch</source>
        <translation>Plan tasks</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="84"/>
        <source>Tiến độ nhiệm vụ của xã</source>
        <translation>The commune&apos;s task progress</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="85"/>
        <source>Mốc đã hoàn thành</source>
        <translation>Milestones done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="86"/>
        <source>Thôn, bản, tổ dân phố</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="89"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="90"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="90"/>
        <source>Sản phẩm</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="91"/>
        <source>Nội dung nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="91"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="92"/>
        <source>Phối hợp</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="93"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="93"/>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="94"/>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="94"/>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="95"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="95"/>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="96"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="96"/>
        <source>Trả lời</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="97"/>
        <source>Ngày hoàn thành</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="98"/>
        <source>Ngày nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="98"/>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="99"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="99"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="100"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="101"/>
        <source>Ý kiến chỉ đạo</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="102"/>
        <source>Kết quả theo dõi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="103"/>
        <source>Số thực hiện</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="103"/>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="104"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="104"/>
        <source>Người thực hiện</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="105"/>
        <source>Ngày bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="105"/>
        <source>Ngày kết thúc</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="106"/>
        <source>Chủ tịch</source>
        <translation>Chairman</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="109"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="110"/>
        <source>Đã nhận trước đây</source>
        <translation>Received before</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="111"/>
        <source>Giữ lại, chờ gói trước</source>
        <translation>Held: waiting for an earlier bundle</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="112"/>
        <source>Giữ lại: mâu thuẫn</source>
        <translation>Held: a fork</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="113"/>
        <source>Cách ly</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="114"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="148"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="150"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="150"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../papi_desktop/ui/views/sync_page.py" line="29"/>
        <source>Đang đọc tình trạng đồng bộ…</source>
        <translation>Reading the sync state…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/sync_page.py" line="77"/>
        <source>Không đọc được tình trạng đồng bộ: %1 Bấm sang trang khác rồi quay lại để thử lại; nếu vẫn lỗi, hãy báo bộ phận hỗ trợ.</source>
        <translation>The sync state cannot be read: %1 Open another page and come back to try again; if it still fails, tell the support team.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="260"/>
        <source>Đã dừng theo yêu cầu. Các gói đã đọc trước khi dừng vẫn được giữ (mỗi gói được nhận trọn vẹn hoặc không nhận gì); đọc lại cả thư mục để tiếp tục: gói đã nhận sẽ được bỏ qua.</source>
        <translation>Stopped as asked. The bundles read before the stop are kept (each bundle is taken whole or not at all); read the whole folder again to go on: the bundles already received are skipped.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="264"/>
        <source>Đã hủy theo yêu cầu; dữ liệu và USB không thay đổi gì.</source>
        <translation>Cancelled as asked; the data and the USB stick are unchanged.</translation>
    </message>
</context>
<context>
    <name>SyncReminder</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="526"/>
        <source>Có %1 thay đổi chưa ghi ra USB gửi tỉnh, cũ nhất từ ngày %2 (%3 ngày). Hãy mở %4, bấm “Ghi ra USB” và mang USB lên tỉnh.</source>
        <translation>%1 changes not yet written to a USB stick for the province, the oldest from %2 (%3 days). Open %4, click “Write to USB” and take the stick to the province.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="532"/>
        <source>Gói dữ liệu ghi ngày %1 (%2 ngày trước) chưa có biên nhận của tỉnh. Hãy mang USB lên tỉnh, rồi đọc biên nhận tỉnh ghi trên USB ở %3.</source>
        <translation>The bundle written on %1 (%2 days ago) has no receipt from the province yet. Take the stick to the province, then read the receipt it writes on the stick in %3.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="537"/>
        <source>trang Đồng bộ</source>
        <translation>the Sync page</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="546"/>
        <source>còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="548"/>
        <source>hạn là hôm nay</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="550"/>
        <source>đã quá hạn %1 ngày</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="552"/>
        <source>%1: hạn gửi dữ liệu cho tỉnh là ngày %2 (%3), mà tỉnh chưa nhận %4 thay đổi trên máy này. Hãy ghi ra USB hoặc đồng bộ qua mạng ở %5.</source>
        <translation>%1: the data is due at the province on %2 (%3), and the province has not received %4 changes on this PC. Write them to a USB stick or sync over the network in %5.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="554"/>
        <source>%1: hạn gửi dữ liệu cho tỉnh là ngày %2 (%3), mà tỉnh chưa nhận %4 thay đổi trên máy này. Hãy ghi ra USB ở %5.</source>
        <translation>%1: the data is due at the province on %2 (%3), and the province has not received %4 changes on this PC. Write them to a USB stick in %5.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="35"/>
        <source>Mở trang Đồng bộ</source>
        <translation>Open the Sync page</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="55"/>
        <source>Đang đồng bộ qua mạng…</source>
        <translation>Syncing over the network…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="56"/>
        <source>Chưa liên lạc được máy chủ tỉnh; sẽ thử lại</source>
        <translation>The province&apos;s server could not be reached; will try again</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="57"/>
        <source>Đồng bộ qua mạng chưa được; sẽ thử lại</source>
        <translation>Network sync did not succeed yet; will try again</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="72"/>
        <source>%1 gói chờ xử lý</source>
        <translation>%1 bundles waiting</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="74"/>
        <source>Chưa đăng ký đồng bộ với tỉnh</source>
        <translation>Not enrolled for sync with the province</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="75"/>
        <source>Tỉnh đã nhận đủ</source>
        <translation>The province has everything</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="76"/>
        <source>%1 thay đổi tỉnh chưa nhận</source>
        <translation>%1 changes the province has not received</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="78"/>
        <source>gửi lần cuối %1</source>
        <translation>last sent %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_status.py" line="80"/>
        <source>chưa gửi lần nào</source>
        <translation>never sent</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="463"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="463"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="464"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="464"/>
        <source>Thêm</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="465"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="465"/>
        <source>Giữ nguyên</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="466"/>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="466"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="467"/>
        <source>Giữ lại</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="467"/>
        <source>Lý do, ghi chú</source>
        <translation>Reasons, notes</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="505"/>
        <source> (chạy thử)</source>
        <translation> (dry run)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="509"/>
        <source>Biên nhận: %1</source>
        <translation>Receipt: %1</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="308"/>
        <source>Hãy chọn gói đang giữ (chờ gói trước) trong bảng Gói chờ xử lý.</source>
        <translation>Choose a held bundle (waiting for an earlier one) in the Waiting bundles table.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="311"/>
        <source>Áp dụng sớm gói đang giữ</source>
        <translation>Release a held bundle early</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="312"/>
        <source>Gói này chờ các thay đổi của một gói trước chưa đến. Áp dụng ngay thì bỏ qua các thay đổi đó (nếu sau này gói đó đến, chúng vẫn được nhận). Lý do (ví dụ: USB bị mất, đã xác nhận qua điện thoại):</source>
        <translation>This bundle waits for the changes of an earlier bundle that has not arrived. Applied now, those changes are gone without (should that bundle come later, they are still taken in). Reason (e.g. the stick was lost, confirmed by phone):</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/sync_widgets.py" line="324"/>
        <source>Đã áp dụng gói %1, bỏ qua %2 thay đổi còn thiếu; việc này đã vào nhật ký thao tác.</source>
        <translation>Bundle %1 applied, going on without %2 missing changes; this is entered in the audit trail.</translation>
    </message>
</context>
<context>
    <name>TakeRegistryDialog</name>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="20"/>
        <source>Nhận vai trò giữ sổ cho máy này</source>
        <translation>Take the commune&apos;s registers for this PC</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="23"/>
        <source>Chỉ làm việc này khi máy giữ sổ cũ đã hỏng hoặc thôi dùng.

Từ nay số văn bản đi và số đơn chính thức của xã chỉ lấy trên máy %1, tiếp sau số lớn nhất máy này đã nhận được; các đơn số tạm nhận ở máy này được vào sổ ngay.

Số máy giữ sổ cũ đã cấp mà chưa gửi sang thì máy này không thể biết: máy cũ phải thôi cấp số ngay. Nếu máy cũ còn chạy, hãy gửi hết dữ liệu của nó sang máy này trước, rồi cho nó thôi giữ sổ. Hai máy cùng giữ sổ thì số có thể trùng.

Việc này vào nhật ký thao tác. Lý do:</source>
        <translation>Do this only when the old registry PC is broken or retired.

From now on the commune&apos;s outgoing document numbers and real petition numbers are taken only on PC %1, after the highest number this PC has received; the provisional petitions received on this PC are entered at once.

Numbers the old registry PC gave and never sent cannot be known here: the old PC must stop numbering now. If it still works, first send all its data to this PC, then make it give the role up. With two registry PCs numbers can repeat.

This goes into the audit trail. Reason:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="31"/>
        <source>Ví dụ: máy giữ sổ cũ hỏng ổ cứng ngày 10/6</source>
        <translation>E.g. the old registry PC&apos;s disk failed on 10/6</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="35"/>
        <source>Nhận vai trò giữ sổ</source>
        <translation>Take the registers</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/registry_take.py" line="39"/>
        <source>Hãy ghi lý do nhận vai trò giữ sổ.</source>
        <translation>Write why this PC takes the registers.</translation>
    </message>
</context>
<context>
    <name>TaskDetailPanel</name>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="81"/>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="190"/>
        <source>Chọn một nhiệm vụ trong danh sách để xem và cập nhật.</source>
        <translation>Select a task in the list to view and update it.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="101"/>
        <source>Lưu thay đổi (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="102"/>
        <source>Xóa nhiệm vụ</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="105"/>
        <source>TT:</source>
        <translation>No.:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="106"/>
        <source>Nhiệm vụ:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="107"/>
        <source>Sản phẩm đầu ra:</source>
        <translation>Output products:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="108"/>
        <source>Cơ quan chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="109"/>
        <source>Cơ quan phối hợp:</source>
        <translation>Coordinating units:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="110"/>
        <source>Thời gian hoàn thành:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="111"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="112"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="113"/>
        <source>Đồng bộ:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="122"/>
        <source>Mốc</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="122"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="122"/>
        <source>Hoàn thành ngày</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="136"/>
        <source>Đánh dấu mốc đã xong</source>
        <translation>Mark milestone done</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="137"/>
        <source>Thêm mốc…</source>
        <translation>Add milestone…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="138"/>
        <source>Xóa mốc</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="142"/>
        <source>Mốc thời gian</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="148"/>
        <source>Kỳ / văn bản</source>
        <translation>Period / document</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="148"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="148"/>
        <source>Kết quả / trích yếu</source>
        <translation>Result / summary</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="158"/>
        <source>Cập nhật tiến độ…</source>
        <translation>Update progress…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="159"/>
        <source>Mở tệp minh chứng</source>
        <translation>Open evidence file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="163"/>
        <source>Tiến độ và minh chứng</source>
        <translation>Progress and evidence</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="251"/>
        <source>Nhiệm vụ %1 — chỉ số %2</source>
        <translation>Task %1 — dimension %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="128"/>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="270"/>
        <source>(không có ngày)</source>
        <translation>(no date)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="253"/>
        <source>(nhiệm vụ tỉnh giao: xã cập nhật trạng thái, ghi chú và tiến độ)</source>
        <translation>(a province task: the commune records its status, note and progress)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="319"/>
        <source>Hãy chọn một mốc trong bảng.</source>
        <translation>Select a milestone in the table.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="342"/>
        <source>Xóa mốc thời gian đã chọn?</source>
        <translation>Delete the selected milestone?</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="361"/>
        <source>Hãy chọn một văn bản minh chứng có tệp đính kèm.</source>
        <translation>Select an evidence document that has an attached file.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/views/task_detail.py" line="366"/>
        <source>Xóa nhiệm vụ này khỏi kế hoạch? Lịch sử thay đổi vẫn được giữ.</source>
        <translation>Delete this task from the plan? Its change history is kept.</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="23"/>
        <source>Chỉ số</source>
        <translation>Dim.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="24"/>
        <source>TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="25"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="26"/>
        <source>Cơ quan chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="27"/>
        <source>Thời gian hoàn thành</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="28"/>
        <source>Hạn gần nhất</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/models/preview_model.py" line="29"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>TokenPicker</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="49"/>
        <source>Tìm token</source>
        <translation>Find token</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="58"/>
        <source>mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="59"/>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="207"/>
        <source>Nhập PIN trên thiết bị token</source>
        <translation>Enter the PIN on the token device</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="60"/>
        <source>Đọc chứng thư (cần PIN)</source>
        <translation>Read certificates (needs PIN)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="61"/>
        <source>Cắm token rồi bấm “Tìm token” (module PKCS#11 đặt trong Cài đặt).</source>
        <translation>Plug the token in and click “Find token” (the PKCS#11 module is set in Settings).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="91"/>
        <source>Đang tìm token…</source>
        <translation>Looking for tokens…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="99"/>
        <source>Không thấy token nào qua module %1. Cắm token vào máy (chờ đèn token sáng) rồi bấm “Tìm token” lại; nếu vẫn không thấy, kiểm tra module PKCS#11 trong Cài đặt là của đúng loại token.</source>
        <translation>No token found through module %1. Plug the token in (wait for its light) and click “Find token” again; if it is still not found, check that the PKCS#11 module in Settings is the one for this kind of token.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="117"/>
        <source> — ĐÃ KHÓA</source>
        <translation> — LOCKED</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="119"/>
        <source>Không ký bằng token</source>
        <translation>Do not sign with a token</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="119"/>
        <source>(chưa tìm token)</source>
        <translation>(no token search yet)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="148"/>
        <source>%1 — hạn %2</source>
        <translation>%1 — expires %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="150"/>
        <source> — ĐÃ HẾT HẠN</source>
        <translation> — EXPIRED</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="152"/>
        <source> — CHƯA CÓ HIỆU LỰC</source>
        <translation> — NOT YET VALID</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="170"/>
        <source>Không ký bằng token: văn bản chỉ mang chữ ký của cơ quan.</source>
        <translation>Not signing with a token: the document carries only the organisation&apos;s signature.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="180"/>
        <source>Token này chỉ cho xem chứng thư sau khi nhập PIN: nhập PIN rồi bấm “Đọc chứng thư”, hoặc xuất luôn nếu token chỉ có một chứng thư ký số.</source>
        <translation>This token shows its certificates only after the PIN: enter the PIN and click “Read certificates”, or export directly if the token holds only one signing certificate.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="183"/>
        <source>Token “%1” không có chứng thư ký số nào (chỉ có chứng thư của tổ chức cấp).</source>
        <translation>Token “%1” holds no signing certificate (only the issuer&apos;s certificate).</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="186"/>
        <source>Nhập PIN trên thiết bị token khi ký.</source>
        <translation>Enter the PIN on the token device when signing.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="187"/>
        <source>PIN nhập mỗi lần ký, không lưu.</source>
        <translation>The PIN is entered at each signing and never stored.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="188"/>
        <source>Khe %1. Chứng thư do %2 cấp, hiệu lực %3 – %4.</source>
        <translation>Slot %1. Certificate issued by %2, valid %3 – %4.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="208"/>
        <source>Đang đọc chứng thư trên token…</source>
        <translation>Reading the token&apos;s certificates…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="247"/>
        <source>Token “%1” không có chứng thư ký số nào để chọn.</source>
        <translation>Token “%1” shows no signing certificate to choose.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/token_picker.py" line="251"/>
        <source>Chưa nhập mã PIN của token.</source>
        <translation>The token&apos;s PIN was not entered.</translation>
    </message>
</context>
<context>
    <name>TrustBox</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="63"/>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="73"/>
        <source>Tên: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="64"/>
        <source>Tổ chức: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="65"/>
        <source>Mã đơn vị: %1</source>
        <translation>Unit code: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="82"/>
        <source>Tổ chức cấp: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="83"/>
        <source>Hiệu lực: %1 – %2</source>
        <translation>Valid: %1 – %2</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="102"/>
        <source>Chứng thư gốc tin cậy</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="105"/>
        <source>Chữ ký số chỉ được coi là hợp lệ khi chứng thư của người ký do một chứng thư gốc trong danh sách này chứng nhận.</source>
        <translation>A digital signature counts as valid only when the signer&apos;s certificate is certified by a root certificate in this list.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="110"/>
        <source>Bỏ tin cậy…</source>
        <translation>Stop trusting…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="111"/>
        <source>Nhập từ tệp chứng thư…</source>
        <translation>Import from a certificate file…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="116"/>
        <source>Chấp nhận…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="117"/>
        <source>Từ chối…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="151"/>
        <source>tệp chứng thư</source>
        <translation>certificate file</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="151"/>
        <source>cập nhật của tỉnh</source>
        <translation>province update</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="152"/>
        <source>khóa của xã</source>
        <translation>commune&apos;s key</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="152"/>
        <source>khác</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="153"/>
        <source>Thêm bằng cách khác: tệp .p12, đăng ký với tỉnh, khóa cũ của xã, hoặc trước khi chương trình ghi nguồn</source>
        <translation>Added another way: a .p12 file, enrolment with the province, the commune&apos;s earlier key, or before the program recorded sources</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="156"/>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="166"/>
        <source>Chủ thể</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="156"/>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="166"/>
        <source>Dấu vân tay SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="157"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="157"/>
        <source>Thêm lúc</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="157"/>
        <source>Hết hạn</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="167"/>
        <source>Tổ chức cấp</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="167"/>
        <source>Hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="173"/>
        <source>Chứng thư gốc tỉnh đề nghị tin cậy, chưa quyết định: %1. So dấu vân tay với văn bản của tỉnh trước khi chấp nhận.</source>
        <translation>Root certificates the province offers, not yet decided: %1. Compare the fingerprint with the province&apos;s letter before accepting.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="175"/>
        <source>Không có chứng thư gốc nào tỉnh đề nghị đang chờ quyết định.</source>
        <translation>No root certificate offered by the province is waiting for a decision.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="217"/>
        <source>Dấu vân tay SHA-256 (đủ 32 cặp):
%1</source>
        <translation>SHA-256 fingerprint (all 32 pairs):
%1</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="239"/>
        <source>Tin cậy chứng thư gốc tỉnh đề nghị? Mọi chữ ký do chứng thư này chứng nhận sẽ được coi là hợp lệ trên máy này. Chỉ đồng ý khi cả dấu vân tay dưới đây khớp với dấu vân tay tỉnh gửi bằng văn bản hoặc đọc qua điện thoại.</source>
        <translation>Trust the root certificate the province offers? Every signature it certifies will count as valid on this PC. Agree only when the whole fingerprint below matches the one the province sent in writing or read out on the phone.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="245"/>
        <source>Đã tin cậy %1.</source>
        <translation>%1 is now trusted.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="252"/>
        <source>Từ chối chứng thư gốc này? Chữ ký do nó chứng nhận sẽ không được tin cậy; bản cập nhật sau của tỉnh có thể đề nghị lại.</source>
        <translation>Decline this root certificate? Signatures it certifies will not be trusted; a later province update may offer it again.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="265"/>
        <source>Đã từ chối %1.</source>
        <translation>%1 was declined.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="272"/>
        <source>Bỏ tin cậy chứng thư này? Chữ ký do nó chứng nhận (kể cả trên các văn bản đã nhận) sẽ không còn được coi là hợp lệ trên máy này.</source>
        <translation>Stop trusting this certificate? Signatures it certifies (on documents already received too) will no longer count as valid on this PC.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="288"/>
        <source>Đã bỏ tin cậy %1.</source>
        <translation>%1 is no longer trusted.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="295"/>
        <source>Chọn chứng thư gốc (CA) cần tin cậy</source>
        <translation>Choose the root (CA) certificate to trust</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="296"/>
        <source>Chứng thư (*.pem *.crt *.cer *.der)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="303"/>
        <source>Tin cậy chứng thư gốc trong tệp %1? Mọi chữ ký do chứng thư này chứng nhận sẽ được coi là hợp lệ trên máy này. Chỉ đồng ý khi cả dấu vân tay dưới đây khớp với dấu vân tay do tổ chức cấp công bố.</source>
        <translation>Trust the root certificate in %1? Every signature it certifies will count as valid on this PC. Agree only when the whole fingerprint below matches the one its issuer publishes.</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/trust_box.py" line="311"/>
        <source>Đã thêm %1 vào danh sách tin cậy.</source>
        <translation>%1 was added to the trusted list.</translation>
    </message>
</context>
<context>
    <name>VillagesBox</name>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="43"/>
        <source>Thôn, bản và hình thức công khai</source>
        <translation>Villages and means of disclosure</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="51"/>
        <source>Tên thôn, bản, tổ dân phố mới, ví dụ: Bản Hin</source>
        <translation>New village or residential group, e.g. Bản Hin</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="52"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="53"/>
        <source>Xã có hệ thống truyền thanh</source>
        <translation>The commune has a loudspeaker system</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="55"/>
        <source>Xã có trang thông tin điện tử</source>
        <translation>The commune has a web page</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="57"/>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../papi_desktop/ui/widgets/villages_box.py" line="95"/>
        <source>Bỏ chọn khi thôn, bản không còn (sáp nhập): các lần niêm yết cũ vẫn giữ.</source>
        <translation>Untick when a village no longer exists (merged): its past postings are kept.</translation>
    </message>
</context>
</TS>
