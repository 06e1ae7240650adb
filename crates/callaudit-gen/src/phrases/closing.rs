//! Paraphrase pools of the end of a call: ticket number, closing (SOP 11 and 12) and the
//! forbidden lines.

// ---------------------------------------------------------------------------------------
// Agent: ticket number (SOP 11)

/// Reading out a report number (`{no}`).
pub const TICKET_NEW: &[&str] = &[
    "Mohon dicatat nomor laporannya, {no}.",
    "Nomor laporan {hon}, {no}.",
    "Untuk nomor bukti lapornya {no}, silakan dicatat, {hs}.",
    "Boleh dicatat {hs}, nomor laporannya {no}.",
    "Mohon dicatat kembali nomor bukti lapor {hon}, {no}.",
    "Nomor tiketnya {no} ya {hs}.",
    "Saya bacakan nomor laporannya, {no}.",
    "Ini nomor laporan barunya ya {hs}, {no}.",
    "Silakan dicatat, nomor lapor {no}.",
    "Nomor laporan {hon} adalah {no}.",
    "Untuk ID tiketnya, {no}, {hs}.",
    "Catat ya {hs}, nomornya {no}.",
];

/// REPEAT_RESOLVED: the new number is linked to the old one.
pub const TICKET_LINKED: &[&str] = &[
    "Nomor laporan yang baru ini masih terkait dengan nomor laporan sebelumnya.",
    "Laporan baru ini sudah kami kaitkan dengan laporan {hon} yang sebelumnya.",
    "Nomornya memang baru, {hs}, tapi masih terhubung dengan laporan yang lama.",
    "Nomor ini terkait dengan laporan sebelumnya, jadi riwayatnya tetap tercatat.",
    "Walaupun nomornya baru, laporan ini tetap terkait dengan laporan sebelumnya.",
    "Di laporan baru ini sudah kami cantumkan nomor laporan lama {hon}.",
    "Laporan baru ini merujuk ke laporan sebelumnya ya {hs}.",
    "Jadi nomor baru ini masih satu rangkaian dengan laporan yang kemarin.",
];

pub const WHY_NEW_NUMBER: &[&str] = &[
    "Lho, kok nomornya beda, {mbak}?",
    "Kenapa dikasih nomor baru, {mbak}?",
    "Nomornya ganti ya?",
    "Loh, bukan nomor yang kemarin?",
];

/// Repeat-open paths: the existing number still applies (`{old}` optional).
pub const TICKET_SAME: &[&str] = &[
    "Untuk nomor laporannya masih sama dengan sebelumnya ya {hs}.",
    "Nomor laporannya tetap menggunakan nomor yang lama, {hs}.",
    "Nomor laporannya masih {old} ya {hs}.",
    "{hon} tetap memakai nomor laporan sebelumnya.",
    "Nomor lapornya masih yang kemarin ya, {hs}.",
    "Tidak ada nomor baru, {hs}, tetap pakai nomor laporan {old}.",
    "Nomor laporannya masih berlaku, jadi tetap gunakan nomor yang sama.",
    "Untuk nomor tiketnya masih sama, {hs}, {old}.",
    "Nomor laporannya tidak berubah ya {hs}, masih yang sebelumnya.",
    "Jadi masih nomor laporan yang lama ya {hs}, tidak perlu dicatat ulang.",
];

/// No number given at all.
pub const TICKET_NONE: &[&str] = &[
    "Nanti nomor laporannya dikirim lewat SMS ya {hs}.",
    "Nomor laporannya nanti bisa dicek sendiri, {hs}.",
    "Untuk nomornya nanti menyusul ya {hs}.",
    "Nomor laporan akan dikirimkan oleh sistem, {hs}.",
    "Nomornya nanti dapat notifikasi saja, {hs}.",
];

pub const TICKET_NOTED: &[&str] = &[
    "Iya, sudah saya catat.",
    "Sebentar {mbak}, saya catat dulu. Iya, sudah.",
    "Oke, {mbak}.",
    "Iya, sudah.",
    "Sudah dicatat, {mbak}.",
];

// ---------------------------------------------------------------------------------------
// Agent: closing (SOP 12)

pub const CAMPAIGN: &[&str] = &[
    "Agar semua makin mudah, ayo download aplikasi New PLN Mobile di Play Store atau App Store.",
    "Jangan lupa download aplikasi New PLN Mobile di Playstore atau Appstore ya {hs}.",
    "Untuk kemudahan layanan, silakan unduh New PLN Mobile di Play Store maupun App Store.",
    "Biar lebih mudah, yuk download PLN Mobile di Play Store atau App Store.",
    "Ayo download aplikasi New PLN Mobile di Play Store atau App Store, semua jadi makin mudah.",
    "Sekarang semua layanan ada di New PLN Mobile, {hs}, bisa diunduh di Playstore atau App Store.",
    "Kami informasikan juga, {hs}, aplikasi New PLN Mobile bisa di-download di Play Store dan App Store.",
    "Agar lebih mudah, {hon} bisa download New PLN Mobile di Play Store atau App Store.",
    "Yuk {hs}, unduh PLN Mobile di Playstore atau Appstore supaya lebih praktis.",
    "Jangan lupa juga, download aplikasi PLN Mobile ya {hs}, ada di Play Store dan App Store.",
];

pub const THANKS: &[&str] = &[
    "Terima kasih telah menghubungi PLN 123, selamat {tod} {hon} {cname}.",
    "Terima kasih sudah menghubungi PLN 123, selamat {tod}.",
    "Terima kasih telah menghubungi PLN 123, selamat {tod}, {hs}.",
    "Terima kasih {hon} {cname} telah menghubungi PLN 123, selamat {tod}.",
    "Baik {hs}, terima kasih sudah menelepon PLN 123, selamat {tod}.",
    "Terima kasih atas teleponnya ke PLN 123, selamat {tod} {hon}.",
    "Terima kasih telah menghubungi PLN 123. Selamat {tod}, {hs} {cname}.",
    "Makasih sudah menghubungi PLN 123 ya {hs}, selamat {tod}.",
    "Kami ucapkan terima kasih telah menghubungi PLN 123, selamat {tod}.",
    "Terima kasih sudah menghubungi layanan PLN 123, selamat {tod} {hon}.",
];

/// Closing without thanks: only the time of day.
pub const CLOSING_NO_THANKS: &[&str] = &[
    "Selamat {tod}, {hs}.",
    "Baik {hs}, selamat {tod}.",
    "Sudah ya {hs}, selamat {tod}.",
    "Selamat {tod} {hon}, sampai jumpa.",
    "Oke {hs}, selamat {tod} ya.",
    "Baik, selamat {tod}.",
];

/// No closing: the agent just hangs up on one of these.
pub const CLOSING_NONE: &[&str] = &[
    "Baik {hs}.",
    "Oke {hs}, ditunggu saja ya.",
    "Iya {hs}, sama-sama.",
    "Baik, sudah ya {hs}.",
    "Oke, mohon ditunggu petugasnya.",
    "Siap {hs}, ditunggu ya.",
];

// ---------------------------------------------------------------------------------------
// Forbidden closing lines (SOP 12: no ILP campaign, no customer intimacy)

pub const FORBIDDEN_INTIMACY: &[&str] = &[
    "Semoga harinya menyenangkan, {hs}.",
    "Semoga sehat selalu ya {hs}.",
    "Selamat beristirahat, {hs}.",
    "Jangan lupa bahagia ya {hs}.",
    "Semoga aktivitasnya lancar hari ini.",
    "Salam untuk keluarga di rumah, {hs}.",
    "Semoga harimu menyenangkan ya.",
    "Tetap semangat ya {hs}, semoga sukses selalu.",
    "Hati-hati di rumah ya {hs}, jaga kesehatan.",
];

pub const FORBIDDEN_ILP: &[&str] = &[
    "Oh iya {hs}, ayo beralih ke kompor induksi, lebih hemat dan aman.",
    "Ada promo tambah daya juga lho {hs}, bisa dicek.",
    "Yuk gunakan kendaraan listrik, isi dayanya bisa di SPKLU terdekat.",
    "Sekalian kami informasikan program ILP, ayo pakai peralatan listrik di rumah.",
    "Jangan lupa ikuti promo ILP, diskon tambah daya untuk pelanggan.",
    "Ayo gaya hidup listrik, masak pakai kompor induksi.",
    "Ada program electrifying lifestyle juga, {hs}, bisa pakai kompor induksi.",
    "Mumpung ada promo, {hs}, tambah daya sekarang lebih murah.",
];

/// The caller asks about a promotion (context for a negated line), by topic.
pub const CALLER_ASK_TAMBAH_DAYA: &[&str] = &[
    "Oh iya {mbak}, sekalian, ada promo tambah daya nggak sekarang?",
    "{mbak}, promo tambah daya masih ada?",
    "Sekalian tanya, {mbak}, ada diskon tambah daya?",
];

pub const CALLER_ASK_KOMPOR: &[&str] = &[
    "Katanya ada program kompor induksi ya {mbak}?",
    "Kalau mau pasang kompor induksi ada diskon nggak, {mbak}?",
];

pub const CALLER_ASK_ILP: &[&str] = &[
    "Ada program ILP nggak, {mbak}?",
    "Saya dengar ada program ILP, {mbak}, itu apa?",
];

/// A negated forbidden line: the agent declines, which is not a violation.
pub const NEGATED_FORBIDDEN: &[&str] = &[
    "Saat ini tidak ada promo tambah daya, {hs}.",
    "Untuk promo tambah daya belum ada, {hs}.",
    "Mohon maaf, kami tidak menawarkan program kompor induksi di layanan ini.",
    "Tidak ada program ILP yang sedang kami tawarkan, {hs}.",
    "Belum ada promo kompor induksi untuk saat ini, {hs}.",
    "Promo tambah dayanya sudah tidak berlaku, {hs}.",
    "Informasi promo tambah daya tidak ada di kami, {hs}.",
];

/// The caller says a forbidden-looking line: not the agent's, not a violation.
pub const CALLER_INTIMACY: &[&str] = &[
    "Makasih ya {mbak}, semoga harinya menyenangkan.",
    "Iya {mbak}, sehat selalu ya.",
    "Semoga lancar kerjanya ya {mbak}.",
    "Makasih, {mbak}, jangan lupa bahagia.",
    "Selamat beristirahat nanti ya {mbak}.",
];

pub const CALLER_THANKS: &[&str] = &[
    "Iya, terima kasih {mbak}.",
    "Oke, makasih ya {mbak}.",
    "Iya {mbak}, makasih.",
    "Baik, terima kasih.",
];
