//! Paraphrase pools of the opening: greeting, the caller's name, the prior-report
//! question and the verification of the prior report (SOP 1 to 4).

// ---------------------------------------------------------------------------------------
// Agent: greeting (SOP 1)

pub const GREETING: &[&str] = &[
    "PLN 123, selamat {tod}, dengan {agent}, ada yang bisa dibantu?",
    "PLN 123 selamat {tod}, dengan {agent} bisa dibantu?",
    "Selamat {tod}, PLN 123 dengan {agent}, ada yang bisa saya bantu?",
    "PLN 123, selamat {tod}. Saya {agent}, ada yang bisa kami bantu?",
    "Selamat {tod}, Anda terhubung dengan PLN 123, saya {agent}. Ada yang bisa dibantu?",
    "Halo, PLN 123 selamat {tod}, dengan {agent}, ada yang bisa dibantu?",
    "PLN 123, selamat {tod}, saya {agent}, silakan, ada yang bisa kami bantu?",
    "Selamat {tod}, terima kasih telah menghubungi PLN 123, dengan {agent}, ada yang bisa dibantu?",
    "PLN 123, selamat {tod}, dengan {agent}. Bisa dibantu?",
    "Selamat {tod}, PLN 123, {agent} di sini, ada yang perlu dibantu?",
    "PLN 123 selamat {tod}, saya {agent}, ada yang bisa saya bantu?",
    "Iya, PLN 123 selamat {tod}, dengan {agent}, ada yang bisa dibantu?",
];

/// Greeting without the CSO's own name.
pub const GREETING_NO_NAME: &[&str] = &[
    "PLN 123, selamat {tod}, ada yang bisa dibantu?",
    "Selamat {tod}, PLN 123, ada yang bisa kami bantu?",
    "PLN 123 selamat {tod}, bisa dibantu?",
    "Halo, PLN 123, selamat {tod}. Ada yang bisa saya bantu?",
    "Selamat {tod}, dengan PLN 123, ada yang bisa dibantu?",
    "PLN 123, selamat {tod}, silakan, ada yang bisa dibantu?",
    "Selamat {tod} PLN 123, ada yang perlu dibantu?",
    "PLN 123 selamat {tod}, iya ada yang bisa kami bantu?",
];

/// Greeting without "PLN 123".
pub const GREETING_NO_PLN: &[&str] = &[
    "Selamat {tod}, dengan {agent}, ada yang bisa dibantu?",
    "Selamat {tod}, saya {agent}, ada yang bisa saya bantu?",
    "Halo selamat {tod}, dengan {agent} bisa dibantu?",
    "Selamat {tod}, {agent} di sini, ada yang bisa kami bantu?",
    "Iya selamat {tod}, dengan {agent}, silakan ada yang bisa dibantu?",
    "Selamat {tod}, dengan {agent} dari layanan pelanggan, ada yang bisa dibantu?",
    "Halo, dengan {agent}, selamat {tod}, ada yang bisa dibantu?",
    "Selamat {tod}, saya {agent}, ada yang perlu dibantu?",
];

/// Greeting without the offer to help.
pub const GREETING_NO_OFFER: &[&str] = &[
    "PLN 123, selamat {tod}, dengan {agent}.",
    "Selamat {tod}, PLN 123, saya {agent}.",
    "PLN 123, selamat {tod}, dengan {agent} di sini.",
    "Selamat {tod}, PLN 123 dengan {agent}.",
    "PLN 123, selamat {tod}, Anda berbicara dengan {agent}.",
    "Selamat {tod}, Anda terhubung ke PLN 123 dengan {agent}.",
    "PLN 123 selamat {tod}, saya {agent}.",
    "Halo, PLN 123, selamat {tod}, {agent} di sini.",
];

/// No greeting at all: the agent just picks up.
pub const GREETING_NONE: &[&str] = &[
    "Halo, iya?",
    "Ya halo, silakan.",
    "Halo, bisa dibantu?",
    "Ya, silakan, ada keperluan apa?",
    "Halo, halo, terdengar?",
    "Iya halo, ada yang bisa dibantu?",
    "Halo, iya, silakan disampaikan.",
    "Ya, dengan layanan pelanggan, silakan.",
];

// ---------------------------------------------------------------------------------------
// Agent: caller's name (SOP 2)

pub const ASK_NAME: &[&str] = &[
    "Boleh tahu dengan {hon} siapa saya bicara?",
    "Dengan {hon} siapa ini?",
    "Baik, sebelumnya dengan {hon} siapa?",
    "Boleh saya tahu nama {hon}?",
    "Saya berbicara dengan {hon} siapa?",
    "Boleh disebutkan namanya, {hs}?",
    "Baik {hs}, boleh dibantu namanya?",
    "Dengan siapa saya bicara, {hs}?",
    "Namanya siapa, {hs}?",
    "Boleh saya catat dulu nama {hon}?",
];

/// Name questions that open with an apology ("mohon maaf, dengan bapak siapa"): not empathy.
pub const ASK_NAME_MAAF: &[&str] = &[
    "Mohon maaf, dengan {hon} siapa saya berbicara?",
    "Mohon maaf, {hon} namanya siapa?",
    "Maaf, ini dengan {hs} siapa ya?",
    "Maaf sebelumnya, dengan {hon} siapa?",
    "Mohon maaf dengan {hon} siapa?",
    "Maaf {hs}, boleh tahu namanya?",
    "Mohon maaf, boleh saya tahu nama {hon}?",
    "Maaf, saya bicara dengan {hon} siapa?",
];

/// CRM knows the caller: the agent addresses them by name instead of asking.
pub const CRM_ADDRESS: &[&str] = &[
    "Baik, dengan {hon} {cname}, ya?",
    "Betul saya berbicara dengan {hon} {cfull}?",
    "Baik {hs} {cname}, silakan disampaikan.",
    "Iya {hon} {cname}, silakan, ada yang bisa dibantu?",
    "Dengan {hon} {cname} ya, terima kasih sudah menghubungi kami.",
    "Baik, {hon} {cfull}, betul?",
    "Oh iya {hs} {cname}, silakan.",
    "Selamat {tod} {hon} {cname}, ada yang bisa kami bantu?",
    "Baik, apakah benar ini dengan {hon} {cname}?",
    "Halo {hs} {cname}, iya silakan.",
];

pub const NAME_ANSWER: &[&str] = &[
    "Saya {cname}.",
    "Dengan {cname}, {mbak}.",
    "{cfull}.",
    "Saya {cfull}, {mbak}.",
    "Iya, saya {cname}.",
    "Nama saya {cfull}.",
    "{cname}, {mbak}.",
];

/// The caller's reply when the agent addressed them by a name that is not theirs.
pub const WRONG_NAME_REPLY: &[&str] = &[
    "Bukan, {mbak}, saya {cname}.",
    "Eh bukan {mbak}, nama saya {cfull}.",
    "Salah orang {mbak}, saya {cname}.",
    "Bukan {mbak}.",
    "Hmm, bukan, tapi ya sudah, {mbak}.",
    "Iya, {mbak}, terserah.",
];

pub const CRM_CONFIRM: &[&str] = &[
    "Iya betul, {mbak}.",
    "Iya, saya sendiri.",
    "Betul.",
    "Iya {mbak}.",
    "Iya, benar.",
];

// ---------------------------------------------------------------------------------------
// Agent: has the caller reported before (SOP 3)

pub const PRIOR_ASK: &[&str] = &[
    "Sebelumnya sudah pernah lapor belum, {hs}?",
    "Apakah untuk kendala ini sudah pernah dilaporkan sebelumnya?",
    "Untuk masalah ini, {hon} sudah pernah menghubungi 123 sebelumnya?",
    "Ini laporan pertama atau sudah pernah lapor sebelumnya, {hs}?",
    "Apakah {hon} sudah pernah menyampaikan laporan ini ke kami?",
    "Udah pernah lapor sebelumnya, {hs}?",
    "Boleh saya tahu, {hon} sudah pernah melaporkan kendala ini sebelumnya?",
    "Apakah sebelumnya sudah pernah melakukan pelaporan, {hs}?",
    "Kendala ini sudah pernah dilaporkan ke PLN sebelumnya, {hs}?",
    "Sudah ada laporan sebelumnya belum untuk masalah ini, {hs}?",
];

/// The SOP's own wording starts with an apology; as a question it is not empathy.
pub const PRIOR_ASK_MAAF: &[&str] = &[
    "Mohon maaf, apakah {hon} sudah melapor sebelumnya?",
    "Mohon maaf, sebelumnya sudah ada laporan untuk gangguan ini?",
    "Maaf {hs}, sudah pernah lapor sebelumnya?",
    "Mohon maaf, apakah sebelumnya {hon} sudah pernah melapor?",
    "Maaf, untuk kendala ini sudah pernah dilaporkan, {hs}?",
    "Mohon maaf {hs}, ini sudah pernah lapor atau belum?",
];

/// Asking for the prior report number, the phone used, or the customer id / meter number.
pub const PRIOR_ID_ASK: &[&str] = &[
    "Boleh dibantu nomor laporan sebelumnya, {hs}?",
    "Ada nomor laporannya, {hs}? Atau nomor telepon yang dipakai saat melapor?",
    "Bisa disebutkan nomor lapor sebelumnya, atau ID pelanggannya?",
    "Masih ingat nomor laporannya, {hs}? Kalau tidak, nomor telepon yang digunakan waktu lapor juga bisa.",
    "Boleh dibantu nomor laporan, nomor telepon saat melapor, atau ID pelanggan atau nomor meternya?",
    "Untuk pengecekan, boleh dibantu ID pelanggan atau nomor meternya, {hs}?",
    "Kalau ada, boleh disebutkan nomor bukti lapornya?",
    "Nomor laporannya ada, {hs}? Atau dulu lapornya pakai nomor telepon berapa?",
    "Boleh dibantu nomor tiket laporannya?",
    "Saya bantu cek ya {hs}, ada nomor laporan atau ID pelanggannya?",
    "Waktu melapor pakai nomor telepon yang mana, {hs}?",
    "Boleh saya minta nomor laporannya untuk dicek?",
];

pub const PRIOR_YES: &[&str] = &[
    "Iya, sudah, {mbak}.",
    "Sudah, kemarin saya sudah lapor.",
    "Udah {mbak}, tadi saya udah telepon.",
    "Sudah pernah, malah udah dua kali.",
    "Iya pernah, {mbak}.",
    "Sudah, lewat telepon juga.",
    "Sudah {mbak}, waktu itu dikasih nomor laporan.",
    "Pernah, {mbak}, kemarin.",
    "Iya sudah lapor sebelumnya.",
    "Sudah, sudah lapor, makanya saya telepon lagi.",
];

pub const PRIOR_NO: &[&str] = &[
    "Belum, {mbak}, baru sekarang.",
    "Belum pernah.",
    "Belum, ini baru pertama kali saya lapor.",
    "Belum {mbak}.",
    "Nggak, belum pernah lapor.",
    "Baru ini saya telepon, {mbak}.",
    "Belum, baru mau lapor sekarang.",
    "Belum sama sekali, {mbak}.",
    "Ini yang pertama, {mbak}.",
];

pub const ID_GIVE_NUMBER: &[&str] = &[
    "Ada, {mbak}, nomornya {old}.",
    "Ini {mbak}, {old}.",
    "Nomor laporannya {old}.",
    "Sebentar ya... {old}.",
    "Yang kemarin itu {old}, {mbak}.",
];

pub const ID_GIVE_PHONE: &[&str] = &[
    "Pakai nomor ini juga, {mbak}.",
    "Waktu itu pakai nomor yang ini.",
    "Sama, nomor ini, {mbak}.",
];

pub const ID_GIVE_IDPEL: &[&str] = &[
    "ID pelanggannya {idpel}.",
    "Nomor meternya {idpel}, {mbak}.",
    "Saya ada ID pelanggan, {idpel}.",
    "Ini nomor meter saya, {idpel}.",
];

pub const ID_UNKNOWN: &[&str] = &[
    "Wah, lupa {mbak}, nggak saya catat.",
    "Nggak ada, {mbak}, catatannya hilang.",
    "Aduh lupa, {mbak}.",
    "Nggak tahu {mbak}, yang lapor kemarin bukan saya.",
];

/// FIRST_REPORT trap: the caller gives a number APKT does not know.
pub const NOT_FOUND: &[&str] = &[
    "Mohon maaf {hs}, nomor laporan tersebut tidak ditemukan di sistem kami, jadi kami buatkan laporan baru ya.",
    "Nomor itu tidak ada di data kami, {hs}, jadi saya buatkan laporan baru.",
    "Setelah saya cek tidak ditemukan, {hs}, kita input ulang laporannya ya.",
    "Datanya tidak ketemu, {hs}, saya bantu buatkan laporan baru saja.",
];

// ---------------------------------------------------------------------------------------
// Agent: data verification of the prior report (SOP 4)

pub const DATA_VERIF: &[&str] = &[
    "Baik, laporan sebelumnya atas nama {rname}, lokasinya di {addr}, dengan keluhan {rprob}, betul?",
    "Saya konfirmasi ya {hs}, pelapornya {rname}, alamat {addr}, permasalahannya {rprob}. Benar?",
    "Laporannya atas nama {rname}, di {addr}, untuk {rprob}, sesuai ya {hs}?",
    "Baik, di sini tercatat nama pelapor {rname}, alamatnya {addr}, keluhannya {rprob}.",
    "Untuk laporan sebelumnya atas nama {rname} ya {hs}, lokasi di {addr}, kendalanya {rprob}, betul?",
    "Saya bacakan datanya, atas nama {rname}, alamat {addr}, masalahnya {rprob}, sudah sesuai?",
    "Baik {hs}, laporan atas nama {rname}, lokasinya {addr}, dengan permasalahan {rprob}, benar begitu?",
    "Datanya atas nama {rname}, alamat di {addr}, keluhan {rprob}, betul ya?",
    "Oke, laporannya ketemu {hs}, atas nama {rname} di {addr}, kendala {rprob}. Betul?",
    "Saya cocokkan dulu ya, nama {rname}, lokasi {addr}, permasalahan {rprob}, ya {hs}?",
];

/// Incomplete: name and address, no problem.
pub const DATA_VERIF_NAME_ADDR: &[&str] = &[
    "Baik, laporan sebelumnya atas nama {rname}, lokasinya di {addr}, betul?",
    "Saya konfirmasi, pelapornya {rname}, alamat di {addr}, benar?",
    "Laporannya atas nama {rname} di {addr} ya {hs}?",
    "Tercatat atas nama {rname}, alamat {addr}.",
    "Atas nama {rname}, lokasi {addr}, sesuai?",
    "Baik, datanya atas nama {rname} dengan alamat {addr}, betul?",
    "Oke {hs}, ketemu, atas nama {rname}, di {addr} ya.",
];

/// Incomplete: name only.
pub const DATA_VERIF_NAME: &[&str] = &[
    "Laporan sebelumnya atas nama {rname}, betul?",
    "Baik, laporannya atas nama {rname} ya {hs}?",
    "Tercatat atas nama {rname}, sesuai?",
    "Pelapornya {rname}, benar?",
    "Oke, ketemu {hs}, atas nama {rname}.",
    "Atas nama {rname} ya, {hs}?",
    "Di sini laporannya atas nama {rname}, betul ya?",
];

pub const DATA_CONFIRM: &[&str] = &[
    "Iya betul.",
    "Betul, {mbak}.",
    "Iya, sesuai.",
    "Iya benar, {mbak}.",
    "Betul itu.",
];

/// The caller's reply when the report is in a household member's name.
pub const DATA_CONFIRM_OTHER: &[&str] = &[
    "Iya, itu atas nama istri saya, {mbak}.",
    "Betul, itu suami saya yang lapor.",
    "Iya, itu nama orang tua saya, {mbak}.",
    "Iya, yang lapor kemarin anak saya.",
];
