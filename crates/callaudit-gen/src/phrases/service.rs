//! Paraphrase pools of the service part: empathy, status, phone verification, clarity
//! check, estimate and service guarantee (SOP 5 to 10).

// ---------------------------------------------------------------------------------------
// Agent: empathy (SOP 5)

pub const EMPATHY: &[&str] = &[
    "Baik {hon}, mohon maaf atas permasalahannya.",
    "Mohon maaf atas ketidaknyamanannya, {hs}.",
    "Kami mohon maaf atas kendala yang {hon} alami.",
    "Mohon maaf ya {hs}, atas gangguan listriknya.",
    "Saya mohon maaf atas ketidaknyamanan yang {hon} rasakan.",
    "Baik {hs}, kami mohon maaf atas gangguan yang terjadi.",
    "Aduh, mohon maaf sekali ya {hs}, atas kejadiannya.",
    "Mohon maaf {hs}, jadi mengganggu aktivitas {hon}.",
    "Sebelumnya kami mohon maaf atas permasalahan yang terjadi, {hs}.",
    "Maaf ya {hs}, atas ketidaknyamanannya.",
    "Kami turut prihatin dan mohon maaf atas kendalanya, {hs}.",
    "Mohon maaf sekali atas kendalanya, {hs}, kami bantu ya.",
];

/// An apology for the wait only: not empathy for the problem.
pub const APOLOGY_WAIT: &[&str] = &[
    "Mohon maaf menunggu lama, {hs}.",
    "Maaf ya {hs}, menunggu sebentar.",
    "Terima kasih sudah menunggu, mohon maaf agak lama.",
    "Mohon maaf sudah membuat {hon} menunggu.",
    "Maaf agak lama, {hs}, sistemnya lambat.",
    "Mohon maaf atas waktu tunggunya, {hs}.",
];

// ---------------------------------------------------------------------------------------
// Agent: status of the prior report (SOP 6)

pub const STATUS_OPEN: &[&str] = &[
    "Untuk laporan {hon} saat ini masih dalam proses, jawaban dari unit {answer}.",
    "Saya sudah cek, dari unit terkait informasinya {answer}.",
    "Status laporannya masih dalam penanganan, {hs}, keterangan dari petugas {answer}.",
    "Dari unit sudah ada tanggapan, {hs}, {answer}.",
    "Jadi laporannya sudah diterima unit, dan saat ini {answer}.",
    "Progresnya, {hs}, {answer}.",
    "Kalau dilihat dari aplikasi, unit menyampaikan {answer}.",
    "Informasi terakhir dari petugas lapangan, {answer}, {hs}.",
    "Update dari unitnya {answer} ya {hs}.",
];

/// Open prior report with no answer from the unit yet: the agent gives the progress.
pub const STATUS_PENDING: &[&str] = &[
    "Untuk laporannya belum ada jawaban dari unit, {hs}, statusnya masih dalam proses penanganan.",
    "Saya cek statusnya masih menunggu tindak lanjut petugas, belum ada jawaban dari unit.",
    "Laporan {hon} sudah diteruskan dan masih antre penanganan petugas di lapangan.",
    "Statusnya masih dalam proses ya {hs}, petugas belum memberikan update.",
    "Progresnya masih di unit, {hs}, belum ada keterangan tambahan.",
    "Belum ada tanggapan dari unit, laporannya masih dalam antrean petugas.",
    "Dari aplikasi, laporan {hon} masih berstatus dalam proses.",
    "Masih proses ya {hs}, petugas masih menangani laporan lain di wilayah {hon}.",
];

pub const STATUS_RESOLVED: &[&str] = &[
    "Untuk laporan sebelumnya sudah dinyatakan selesai oleh unit, dengan keterangan {answer}.",
    "Di sistem, laporan {hon} statusnya sudah selesai, {hs}, jawaban unitnya {answer}.",
    "Saya cek laporan yang kemarin sudah ditutup petugas, keterangannya {answer}.",
    "Laporan sebelumnya tercatat sudah selesai dikerjakan, {hs}, petugas menulis {answer}.",
    "Menurut unit, laporan tersebut sudah diselesaikan, {answer}.",
    "Statusnya sudah selesai ya {hs}, dari petugas {answer}.",
    "Dari aplikasi terlihat laporannya sudah selesai, dengan jawaban {answer}.",
    "Laporan {hon} sebelumnya sudah diselesaikan oleh petugas, infonya {answer}.",
];

// ---------------------------------------------------------------------------------------
// Agent: phone verification (SOP 7)

/// Mobile caller: can this number be reached?
pub const PHONE_THIS: &[&str] = &[
    "Apakah nomor telepon yang digunakan saat ini dapat dihubungi, {hs}?",
    "Nomor yang {hon} pakai sekarang bisa dihubungi, ya?",
    "Untuk nomor ini bisa kami hubungi, {hs}?",
    "Nomor yang dipakai menelepon ini aktif dan bisa dihubungi petugas?",
    "Apakah nomor yang sedang digunakan ini bisa dihubungi?",
    "Kalau petugas menghubungi ke nomor ini bisa ya, {hs}?",
    "Nomor yang tampil di kami ini masih aktif dan bisa dihubungi, {hs}?",
    "Nanti petugas bisa menghubungi ke nomor ini, {hs}?",
    "Nomor ini bisa dihubungi ya {hs}?",
    "Boleh dikonfirmasi, nomor yang digunakan sekarang dapat dihubungi?",
];

/// Mobile caller whose number cannot be reached: another mobile number.
pub const PHONE_OTHER: &[&str] = &[
    "Bisa dibantu nomor handphone lain yang dapat dihubungi?",
    "Kalau begitu, ada nomor HP lain yang aktif, {hs}?",
    "Boleh minta nomor handphone lain yang bisa dihubungi?",
    "Ada nomor lain yang bisa dihubungi petugas, {hs}?",
    "Boleh saya catat nomor HP lainnya, {hs}?",
    "Nomor handphone lain yang aktif ada, {hs}?",
];

/// Landline or withheld caller: a mobile number that can be reached.
pub const PHONE_MOBILE: &[&str] = &[
    "Bisa dibantu nomor handphone yang dapat dihubungi, {hs}?",
    "Boleh minta nomor HP yang aktif, {hs}?",
    "Ada nomor handphone yang bisa dihubungi petugas, {hs}?",
    "Untuk nomor ponsel yang bisa dihubungi berapa, {hs}?",
    "Boleh dibantu nomor handphone {hon} yang aktif?",
    "Nomor HP yang bisa dihubungi petugas berapa ya, {hs}?",
    "Mohon dibantu nomor seluler yang bisa dihubungi.",
    "Supaya petugas mudah menghubungi, boleh minta nomor handphonenya?",
    "Ada nomor WhatsApp atau HP yang aktif, {hs}?",
    "Boleh saya catat nomor handphone yang dapat dihubungi?",
];

pub const PHONE_THIS_YES: &[&str] = &[
    "Bisa, {mbak}.",
    "Iya, aktif kok.",
    "Bisa, ini nomor saya sehari-hari.",
    "Iya bisa, {mbak}.",
    "Bisa, hubungi ke sini saja.",
];

pub const PHONE_THIS_NO: &[&str] = &[
    "Nomor ini jarang aktif, {mbak}.",
    "Wah, ini nomor kantor, {mbak}, nanti nggak ada yang angkat.",
    "Ini HP anak saya, {mbak}, mau dibawa sekolah.",
    "Kurang bisa, {mbak}, sinyalnya jelek di rumah.",
];

pub const PHONE_GIVE: &[&str] = &[
    "Nomor HP saya {phone}.",
    "Boleh, {phone}.",
    "Catat {mbak}, {phone}.",
    "{phone}, {mbak}.",
    "Ke nomor {phone} saja.",
];

// ---------------------------------------------------------------------------------------
// Agent: clarity check and estimate (SOP 9)

pub const CLARITY: &[&str] = &[
    "Apakah informasi yang saya sampaikan sudah cukup jelas, {hs}?",
    "Sudah jelas ya {hs}?",
    "Informasinya sudah bisa dipahami, {hs}?",
    "Apakah ada yang kurang jelas dari penjelasan saya?",
    "Penjelasan saya cukup jelas, {hs}?",
    "Bagaimana {hs}, sudah jelas informasinya?",
    "Apakah penyampaian saya sudah jelas, {hon}?",
    "Informasi dari saya sudah cukup dimengerti, {hs}?",
    "Sampai sini sudah jelas ya {hs}?",
    "Apakah informasinya sudah dapat diterima dengan jelas?",
    "Jelas ya {hs} penjelasannya?",
    "Sudah cukup jelas informasi dari kami, {hon}?",
];

pub const CLARITY_REPLY: &[&str] = &[
    "Sudah jelas.",
    "Iya jelas, {mbak}.",
    "Iya, ngerti.",
    "Sudah, {mbak}.",
    "Jelas, {mbak}.",
];

/// The caller asks how long it will take (the eta step applies).
pub const ETA_ASK: &[&str] = &[
    "Kira-kira berapa lama ya, {mbak}?",
    "Terus kapan petugasnya datang?",
    "Jadi kapan bisa beres, {mbak}?",
    "Berapa lama prosesnya?",
    "Ini butuh waktu berapa hari, {mbak}?",
    "Kapan diperbaikinya?",
    "Estimasinya kapan selesai ya?",
    "Saya harus nunggu sampai kapan, {mbak}?",
    "Kira-kira hari ini bisa beres nggak?",
    "Lamanya berapa jam?",
    "Perkiraan kapan ditangani, {mbak}?",
    "Prosesnya lama nggak?",
];

pub const ETA_ANSWER: &[&str] = &[
    "Estimasi waktu penyelesaiannya sesuai standar layanan kami maksimal {eta} dari waktu pelaporan.",
    "Untuk penyelesaiannya paling lama {eta} ya {hs}.",
    "Sesuai standar layanan PLN, laporan keluhan diselesaikan maksimal {eta}.",
    "Kami usahakan secepatnya, {hs}, maksimal {eta} sejak laporan dibuat.",
    "Waktunya maksimal {eta} dari laporan dibuat ya {hs}.",
    "Standar penyelesaiannya {eta}, {hs}, tapi biasanya lebih cepat.",
    "Perkiraannya maksimal {eta} ya {hs}.",
    "Untuk estimasi, paling lambat {eta} dari waktu pelaporan.",
    "Batas waktunya {eta}, {hs}, dihitung dari pelaporan.",
    "Mohon ditunggu maksimal {eta} ya {hs}.",
];

/// Spellings of the 3 x 24 jam standard.
pub const ETA_FORMS: &[&str] = &[
    "3 x 24 jam",
    "3x24 jam",
    "3 kali 24 jam",
    "tiga kali dua puluh empat jam",
    "3 kali dua puluh empat jam",
    "3 X 24 jam",
];

/// A wrong or missing estimate.
pub const ETA_WRONG: &[&str] = &[
    "Kemungkinan hari ini juga petugas datang, {hs}.",
    "Sekitar dua jam lagi ya {hs}.",
    "Secepatnya ya {hs}, mohon ditunggu.",
    "Paling lama 2 x 24 jam, {hs}.",
    "Biasanya 1 x 24 jam sudah beres.",
    "Nanti malam kemungkinan sudah ditangani.",
    "Kurang lebih satu minggu, {hs}.",
    "Saya kurang tahu pastinya {hs}, tergantung petugas.",
];

// ---------------------------------------------------------------------------------------
// Agent: service guarantee (SOP 10)

pub const GUARANTEE: &[&str] = &[
    "Untuk laporannya kami sampaikan ke unit pelayanan terkait untuk segera ditindaklanjuti.",
    "Laporan {hon} sudah kami teruskan ke unit terkait agar segera ditindaklanjuti.",
    "Baik {hs}, laporannya kami teruskan ke petugas di unit setempat untuk segera ditangani.",
    "Kami bantu teruskan ke unit ya {hs}, supaya cepat ditindaklanjuti.",
    "Laporan ini sudah kami sampaikan ke unit layanan terkait dan akan segera ditindaklanjuti.",
    "Laporannya langsung kami teruskan ke unit PLN terdekat agar segera diproses, {hs}.",
    "Kami pastikan laporan {hon} diteruskan ke unit terkait untuk ditindaklanjuti secepatnya.",
    "Sudah kami sampaikan ke unit terkait ya {hs}, nanti segera ditindaklanjuti.",
    "Keluhan {hon} kami teruskan ke unit pelaksana untuk segera ditindaklanjuti.",
    "Nanti laporannya diteruskan ke petugas unit supaya segera dikerjakan ya {hs}.",
    "Laporan {hon} kami prioritaskan dan kami teruskan ke unit untuk segera ditangani.",
    "Baik {hs} {cname}, untuk laporannya kami sampaikan ke unit pelayanan terkait untuk segera ditindaklanjuti.",
];

/// Incomplete: recorded, but nothing about passing it to the unit to be followed up.
pub const GUARANTEE_WEAK: &[&str] = &[
    "Laporannya sudah kami catat ya {hs}.",
    "Baik, sudah saya input laporannya.",
    "Oke {hs}, laporannya sudah masuk di sistem.",
    "Sudah kami terima ya {hs} laporannya.",
    "Laporan {hon} sudah tercatat.",
    "Baik, data laporannya sudah saya simpan.",
    "Sudah saya buatkan laporannya ya {hs}.",
];
