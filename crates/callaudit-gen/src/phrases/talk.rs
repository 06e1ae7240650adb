//! Paraphrase pools of the lines that carry no step (they make calls realistic and set
//! traps) and of the caller's openings and urgent cues.

// ---------------------------------------------------------------------------------------
// Agent: lines that carry no step (they make calls realistic and set traps)

pub const ASK_ADDRESS: &[&str] = &[
    "Boleh dibantu alamat lengkapnya, {hs}?",
    "Lokasinya di mana, {hs}?",
    "Alamat lengkap beserta patokannya, {hs}?",
    "Untuk alamat lokasinya di mana ya {hs}?",
    "Boleh disebutkan alamatnya, {hs}?",
];

pub const GIVE_ADDRESS: &[&str] = &[
    "Alamatnya {addr}.",
    "Di {addr}, {mbak}.",
    "{addr}, dekat masjid.",
    "Rumah saya di {addr}.",
];

pub const ADDRESS_READBACK: &[&str] = &[
    "Baik, {addr} ya {hs}.",
    "Saya ulangi, {addr}, betul?",
    "Oke, di {addr}.",
];

pub const ASK_IDPEL: &[&str] = &[
    "Untuk laporannya, boleh dibantu ID pelanggan atau nomor meternya?",
    "Ada ID pelanggannya, {hs}?",
    "Boleh minta nomor meternya, {hs}?",
];

pub const HOLD_CHECK: &[&str] = &[
    "Baik, mohon ditunggu, saya cek dulu ya {hs}.",
    "Sebentar ya {hs}, saya cek datanya.",
    "Mohon ditunggu sebentar.",
    "Baik, saya cek dulu.",
];

pub const HOLD_BACK: &[&str] = &[
    "Terima kasih sudah menunggu, {hs}.",
    "Baik {hs}, terima kasih sudah menunggu.",
    "Halo {hs}, masih di line?",
];

pub const PROCESS_CREATE: &[&str] = &[
    "Baik, mohon ditunggu, saya buatkan laporannya.",
    "Saya input laporannya dulu ya {hs}, mohon ditunggu.",
    "Sebentar ya {hs}, saya proses laporannya.",
    "Baik, saya buatkan laporannya sekarang.",
];

pub const PROCESS_UPDATE: &[&str] = &[
    "Saya tambahkan keterangannya di laporan sebelumnya ya {hs}, mohon ditunggu.",
    "Baik, saya update dulu laporannya, sebentar ya.",
    "Mohon ditunggu, saya tindak lanjuti laporannya.",
    "Sebentar ya {hs}, saya proses dulu.",
];

/// Holding without saying what is done (the agent does nothing in APKT).
pub const PROCESS_NEUTRAL: &[&str] = &[
    "Sebentar ya {hs}, saya proses dulu.",
    "Baik, mohon ditunggu sebentar ya {hs}.",
    "Mohon ditunggu, {hs}.",
];

pub const ANYTHING_ELSE: &[&str] = &[
    "Ada lagi yang bisa dibantu, {hs}?",
    "Ada hal lain yang ingin ditanyakan, {hs}?",
    "Ada yang bisa dibantu lagi?",
    "Selain itu ada lagi, {hs}?",
];

pub const NOTHING_ELSE: &[&str] = &[
    "Nggak, sudah cukup {mbak}.",
    "Sudah, itu saja.",
    "Nggak ada, {mbak}.",
    "Cukup, {mbak}.",
];

pub const ACK: &[&str] = &[
    "Iya, {mbak}.",
    "Iya, tolong cepat ya.",
    "Iya.",
    "Oke, {mbak}.",
    "Hmm, iya.",
];

/// The agent volunteers 3 x 24 jam although nobody asked (eta stays NA).
pub const ETA_VOLUNTEER: &[&str] = &[
    "Untuk informasi, standar penyelesaiannya maksimal {eta} ya {hs}.",
    "Sebagai informasi, laporan keluhan diselesaikan maksimal {eta}.",
    "Biasanya ditangani maksimal {eta}, {hs}.",
];

// ---------------------------------------------------------------------------------------
// Caller: openings, urgent cues

pub const CALLER_HELLO: &[&str] = &[
    "Halo {mbak}.",
    "Iya halo {mbak}, selamat {tod}.",
    "Halo, selamat {tod}.",
    "Ya {mbak}.",
    "Halo.",
];

/// Repeat-open callers: still not fixed.
pub const REPEAT_OPEN_OPENING: &[&str] = &[
    "Listrik di rumah saya masih belum beres juga, {mbak}.",
    "Ini petugasnya belum datang-datang, {mbak}.",
    "Saya mau menanyakan, kok belum ada tindak lanjut ya.",
    "Sampai sekarang masih belum ditangani, {mbak}.",
    "Masalah saya belum selesai juga dari tadi.",
    "Ini sudah lama nunggu, belum ada kabar, {mbak}.",
    "Saya sudah lapor, {mbak}, tapi belum ada yang datang.",
];

/// Repeat-resolved callers: closed as done, but the problem is back or never went away.
pub const REPEAT_RESOLVED_OPENING: &[&str] = &[
    "Katanya laporan saya sudah selesai, {mbak}, tapi masalahnya masih ada.",
    "Kemarin sudah diperbaiki, sekarang kambuh lagi.",
    "Di SMS katanya selesai, padahal belum ada petugas datang.",
    "Masalah saya muncul lagi, {mbak}.",
    "Kok laporannya ditutup, padahal belum beres.",
    "Sempat normal, tapi sekarang kejadian lagi, {mbak}.",
];

pub const URGENT_SICK: &[&str] = &[
    "Di rumah ada orang tua saya yang pakai alat bantu napas, {mbak}, nggak bisa mati listrik lama.",
    "Ibu saya lagi sakit, pakai oksigen konsentrator, tolong cepat {mbak}.",
    "Ada bayi baru lahir di rumah, kasihan kepanasan, lagi sakit juga.",
    "Bapak saya pasien cuci darah, alatnya butuh listrik.",
    "Anak saya lagi demam tinggi, {mbak}, butuh nebulizer.",
    "Ada lansia sakit stroke di rumah, kasur anginnya butuh listrik.",
    "Nenek saya pakai alat medis di rumah, tolong diprioritaskan.",
    "Di sini ada orang sakit, {mbak}, harus pakai oksigen.",
];

pub const URGENT_COMPLAINT: &[&str] = &[
    "Saya sudah kecewa sekali, {mbak}, ini nggak ada tanggapan sama sekali.",
    "Saya mau komplain keras ini, pelayanannya parah.",
    "Ini sudah keterlaluan, {mbak}, saya minta bicara dengan atasan.",
    "Saya benar-benar marah, usaha saya rugi gara-gara ini.",
    "Saya sudah muak, dijanjikan terus nggak ada yang datang.",
    "Tolong dicatat, saya komplain resmi, ini sudah tidak bisa ditoleransi.",
    "Pelayanan macam apa ini {mbak}, saya nggak terima.",
    "Saya minta ini ditangani serius, saya sudah sangat dirugikan.",
];

pub const URGENT_THREAT: &[&str] = &[
    "Kalau sampai malam belum beres, saya viralkan di media sosial.",
    "Saya laporkan ke wartawan ini, biar masuk berita.",
    "Kalau nggak ditangani, saya lapor polisi, {mbak}.",
    "Saya mau lapor ke Ombudsman kalau begini terus.",
    "Warga sini sudah mau demo ke kantor PLN, {mbak}.",
    "Saya sebar di Twitter sama Instagram kalau nggak ada yang datang.",
    "Kalau petugasnya nggak datang juga, saya bawa ke media.",
    "Warga sudah emosi, mau datangi kantor PLN ramai-ramai.",
];

pub const URGENT_DANGER: &[&str] = &[
    "Kabelnya putus menjuntai ke jalan, {mbak}, banyak anak-anak lewat.",
    "Ada percikan api di tiang depan rumah, takut kebakaran.",
    "Tiang listriknya miring mau roboh ke rumah warga.",
    "Ada bau gosong dari meteran, keluar asap {mbak}.",
    "Kabel listriknya kena air banjir, bahaya, takut nyetrum.",
    "Ada korsleting di gardu depan, bunyinya meledak-ledak.",
    "Kabelnya nyentuh atap seng rumah tetangga, {mbak}, bahaya.",
    "Trafonya keluar api, {mbak}, warga panik.",
];

/// Non-urgent trap: the caller says it is not urgent, in words an urgent cue would use.
pub const URGENT_NEGATED: &[&str] = &[
    "Alhamdulillah di rumah nggak ada yang sakit sih {mbak}, cuma panas aja.",
    "Nggak ada yang darurat kok {mbak}, cuma minta dicek.",
    "Nggak bahaya sih, kabelnya aman, cuma lampunya mati.",
    "Saya nggak mau komplain, {mbak}, cuma nanya aja.",
    "Santai aja {mbak}, nggak ada orang sakit di rumah.",
];

pub const URGENT_ACK: &[&str] = &[
    "Baik {hs}, kami prioritaskan laporannya.",
    "Baik, kami catat kondisinya ya {hs}, kami bantu percepat.",
    "Siap {hs}, kami eskalasikan supaya jadi prioritas.",
];
