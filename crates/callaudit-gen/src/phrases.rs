//! Paraphrase pools: every way the generator lets an agent or a caller say a line.
//!
//! Written from the SOP and from how PLN 123 agents and callers actually talk (formal
//! script lines, casual ones, Jakarta colloquial). Each pool is split once, by a fixed hash
//! of the phrase text, into a training part and a held-out part (about a quarter,
//! [`Pool::new`]); `truth.csv` marks a step `holdout = true` when the wording that decides
//! it came from the held-out part, so an evaluation can tell phrase-list recall from
//! generalisation. The split does not depend on the seed, so it is the same in every
//! archive. This module never looks at the auditor's profiles: the generator must stay
//! independent of the matcher it evaluates.
//!
//! Placeholders filled by [`super::transcript`]: `{hon}` Bapak/Ibu, `{hs}` Pak/Bu, `{cname}`
//! caller's first name, `{cfull}` full name, `{agent}` CSO name, `{tod}` time of day,
//! `{mbak}` how the caller addresses the CSO, `{no}` the new report number as spoken,
//! `{old}` the prior number as spoken, `{rname}` name on the prior report, `{addr}`
//! address, `{rprob}` the report's problem, `{answer}` the unit's answer, `{phone}` a phone
//! number as spoken, `{idpel}` customer id, `{eta}` a spelling of 3 x 24 jam.

use super::rng::{fnv1a, Rng};

/// One pool of paraphrases with its held-out flags.
#[derive(Debug)]
pub struct Pool {
    pub items: &'static [&'static str],
    holdout: Vec<bool>,
}

impl Pool {
    /// Holds out the `(n + 2) / 4` phrases with the smallest FNV-1a hash (about 25 %).
    pub fn new(items: &'static [&'static str]) -> Pool {
        assert!(!items.is_empty(), "empty phrase pool");
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| (fnv1a(items[i]), i));
        let k = (items.len() + 2) / 4;
        let mut holdout = vec![false; items.len()];
        for &i in &order[..k] {
            holdout[i] = true;
        }
        Pool { items, holdout }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn is_holdout(&self, i: usize) -> bool {
        self.holdout[i]
    }

    /// A uniformly drawn phrase and whether it is held out.
    pub fn pick(&self, rng: &mut Rng) -> (&'static str, bool) {
        let i = rng.index(self.items.len());
        (self.items[i], self.holdout[i])
    }

    /// Like [`Pool::pick`] but never a phrase naming the caller (`{cname}`, `{cfull}`),
    /// for calls where the agent must not address the caller by name.
    pub fn pick_nameless(&self, rng: &mut Rng) -> (&'static str, bool) {
        for _ in 0..32 {
            let (p, h) = self.pick(rng);
            if !p.contains("{cname}") && !p.contains("{cfull}") {
                return (p, h);
            }
        }
        let i = self
            .items
            .iter()
            .position(|p| !p.contains("{cname}") && !p.contains("{cfull}"))
            .expect("pool has a phrase without the caller's name");
        (self.items[i], self.holdout[i])
    }
}

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

/// Every pool as `(name, pool)`, for tests and for counting.
pub fn all_pools() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("greeting", GREETING),
        ("greeting_no_name", GREETING_NO_NAME),
        ("greeting_no_pln", GREETING_NO_PLN),
        ("greeting_no_offer", GREETING_NO_OFFER),
        ("greeting_none", GREETING_NONE),
        ("ask_name", ASK_NAME),
        ("ask_name_maaf", ASK_NAME_MAAF),
        ("crm_address", CRM_ADDRESS),
        ("prior_ask", PRIOR_ASK),
        ("prior_ask_maaf", PRIOR_ASK_MAAF),
        ("prior_id_ask", PRIOR_ID_ASK),
        ("prior_yes", PRIOR_YES),
        ("prior_no", PRIOR_NO),
        ("data_verif", DATA_VERIF),
        ("data_verif_name_addr", DATA_VERIF_NAME_ADDR),
        ("data_verif_name", DATA_VERIF_NAME),
        ("empathy", EMPATHY),
        ("apology_wait", APOLOGY_WAIT),
        ("status_open", STATUS_OPEN),
        ("status_pending", STATUS_PENDING),
        ("status_resolved", STATUS_RESOLVED),
        ("phone_this", PHONE_THIS),
        ("phone_other", PHONE_OTHER),
        ("phone_mobile", PHONE_MOBILE),
        ("clarity", CLARITY),
        ("eta_ask", ETA_ASK),
        ("eta_answer", ETA_ANSWER),
        ("eta_forms", ETA_FORMS),
        ("eta_wrong", ETA_WRONG),
        ("guarantee", GUARANTEE),
        ("guarantee_weak", GUARANTEE_WEAK),
        ("ticket_new", TICKET_NEW),
        ("ticket_linked", TICKET_LINKED),
        ("ticket_same", TICKET_SAME),
        ("ticket_none", TICKET_NONE),
        ("campaign", CAMPAIGN),
        ("thanks", THANKS),
        ("closing_no_thanks", CLOSING_NO_THANKS),
        ("closing_none", CLOSING_NONE),
        ("forbidden_intimacy", FORBIDDEN_INTIMACY),
        ("forbidden_ilp", FORBIDDEN_ILP),
        ("negated_forbidden", NEGATED_FORBIDDEN),
        ("caller_intimacy", CALLER_INTIMACY),
        ("urgent_sick", URGENT_SICK),
        ("urgent_complaint", URGENT_COMPLAINT),
        ("urgent_threat", URGENT_THREAT),
        ("urgent_danger", URGENT_DANGER),
        ("urgent_negated", URGENT_NEGATED),
        ("repeat_open_opening", REPEAT_OPEN_OPENING),
        ("repeat_resolved_opening", REPEAT_RESOLVED_OPENING),
    ]
}

/// Every pool, built once with its held-out flags; read-only while generating.
#[derive(Debug)]
pub struct Phrasebook {
    pub greeting: Pool,
    pub greeting_no_name: Pool,
    pub greeting_no_pln: Pool,
    pub greeting_no_offer: Pool,
    pub greeting_none: Pool,
    pub ask_name: Pool,
    pub ask_name_maaf: Pool,
    pub crm_address: Pool,
    pub prior_ask: Pool,
    pub prior_ask_maaf: Pool,
    pub prior_id_ask: Pool,
    pub prior_yes: Pool,
    pub prior_no: Pool,
    pub data_verif: Pool,
    pub data_verif_name_addr: Pool,
    pub data_verif_name: Pool,
    pub empathy: Pool,
    pub apology_wait: Pool,
    pub status_open: Pool,
    pub status_pending: Pool,
    pub status_resolved: Pool,
    pub phone_this: Pool,
    pub phone_other: Pool,
    pub phone_mobile: Pool,
    pub clarity: Pool,
    pub eta_ask: Pool,
    pub eta_answer: Pool,
    pub eta_wrong: Pool,
    pub guarantee: Pool,
    pub guarantee_weak: Pool,
    pub ticket_new: Pool,
    pub ticket_linked: Pool,
    pub ticket_same: Pool,
    pub ticket_none: Pool,
    pub campaign: Pool,
    pub thanks: Pool,
    pub closing_no_thanks: Pool,
    pub closing_none: Pool,
    pub forbidden_intimacy: Pool,
    pub forbidden_ilp: Pool,
    pub negated_forbidden: Pool,
    pub urgent_sick: Pool,
    pub urgent_complaint: Pool,
    pub urgent_threat: Pool,
    pub urgent_danger: Pool,
    pub urgent_negated: Pool,
}

impl Phrasebook {
    pub fn new() -> Phrasebook {
        Phrasebook {
            greeting: Pool::new(GREETING),
            greeting_no_name: Pool::new(GREETING_NO_NAME),
            greeting_no_pln: Pool::new(GREETING_NO_PLN),
            greeting_no_offer: Pool::new(GREETING_NO_OFFER),
            greeting_none: Pool::new(GREETING_NONE),
            ask_name: Pool::new(ASK_NAME),
            ask_name_maaf: Pool::new(ASK_NAME_MAAF),
            crm_address: Pool::new(CRM_ADDRESS),
            prior_ask: Pool::new(PRIOR_ASK),
            prior_ask_maaf: Pool::new(PRIOR_ASK_MAAF),
            prior_id_ask: Pool::new(PRIOR_ID_ASK),
            prior_yes: Pool::new(PRIOR_YES),
            prior_no: Pool::new(PRIOR_NO),
            data_verif: Pool::new(DATA_VERIF),
            data_verif_name_addr: Pool::new(DATA_VERIF_NAME_ADDR),
            data_verif_name: Pool::new(DATA_VERIF_NAME),
            empathy: Pool::new(EMPATHY),
            apology_wait: Pool::new(APOLOGY_WAIT),
            status_open: Pool::new(STATUS_OPEN),
            status_pending: Pool::new(STATUS_PENDING),
            status_resolved: Pool::new(STATUS_RESOLVED),
            phone_this: Pool::new(PHONE_THIS),
            phone_other: Pool::new(PHONE_OTHER),
            phone_mobile: Pool::new(PHONE_MOBILE),
            clarity: Pool::new(CLARITY),
            eta_ask: Pool::new(ETA_ASK),
            eta_answer: Pool::new(ETA_ANSWER),
            eta_wrong: Pool::new(ETA_WRONG),
            guarantee: Pool::new(GUARANTEE),
            guarantee_weak: Pool::new(GUARANTEE_WEAK),
            ticket_new: Pool::new(TICKET_NEW),
            ticket_linked: Pool::new(TICKET_LINKED),
            ticket_same: Pool::new(TICKET_SAME),
            ticket_none: Pool::new(TICKET_NONE),
            campaign: Pool::new(CAMPAIGN),
            thanks: Pool::new(THANKS),
            closing_no_thanks: Pool::new(CLOSING_NO_THANKS),
            closing_none: Pool::new(CLOSING_NONE),
            forbidden_intimacy: Pool::new(FORBIDDEN_INTIMACY),
            forbidden_ilp: Pool::new(FORBIDDEN_ILP),
            negated_forbidden: Pool::new(NEGATED_FORBIDDEN),
            urgent_sick: Pool::new(URGENT_SICK),
            urgent_complaint: Pool::new(URGENT_COMPLAINT),
            urgent_threat: Pool::new(URGENT_THREAT),
            urgent_danger: Pool::new(URGENT_DANGER),
            urgent_negated: Pool::new(URGENT_NEGATED),
        }
    }
}

impl Default for Phrasebook {
    fn default() -> Self {
        Phrasebook::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_pool_has_six_training_phrases_and_a_holdout() {
        for (name, items) in all_pools() {
            let pool = Pool::new(items);
            let held = (0..pool.len()).filter(|&i| pool.is_holdout(i)).count();
            assert!(held >= 1, "{name}: no held-out phrase");
            assert!(pool.len() - held >= 4, "{name}: too few training phrases");
        }
        // The pools that carry a step's wording need at least six training phrases.
        for items in [
            GREETING,
            CRM_ADDRESS,
            PRIOR_ASK,
            PRIOR_ID_ASK,
            DATA_VERIF,
            EMPATHY,
            STATUS_OPEN,
            STATUS_PENDING,
            STATUS_RESOLVED,
            PHONE_THIS,
            PHONE_MOBILE,
            CLARITY,
            ETA_ASK,
            ETA_ANSWER,
            GUARANTEE,
            TICKET_NEW,
            TICKET_SAME,
            TICKET_LINKED,
            CAMPAIGN,
            THANKS,
            FORBIDDEN_INTIMACY,
            FORBIDDEN_ILP,
            URGENT_SICK,
            URGENT_COMPLAINT,
            URGENT_THREAT,
            URGENT_DANGER,
            PRIOR_YES,
            PRIOR_NO,
        ] {
            let pool = Pool::new(items);
            let held = (0..pool.len()).filter(|&i| pool.is_holdout(i)).count();
            assert!(pool.len() - held >= 6, "pool starting {:?}", items[0]);
        }
    }

    #[test]
    fn holdout_split_is_fixed() {
        let a = Pool::new(GREETING);
        let b = Pool::new(GREETING);
        assert_eq!(a.holdout, b.holdout);
        assert_eq!(a.holdout.iter().filter(|&&h| h).count(), 3);
    }

    #[test]
    fn placeholders_are_known() {
        const KNOWN: &[&str] = &[
            "hon", "hs", "cname", "cfull", "agent", "tod", "mbak", "no", "old", "rname", "addr",
            "rprob", "answer", "phone", "idpel", "eta",
        ];
        let mut all: Vec<&str> = all_pools()
            .into_iter()
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        for p in crate::catalog::PROBLEMS {
            all.extend(p.caller.iter().copied());
        }
        for text in all {
            let mut rest = text;
            while let Some(open) = rest.find('{') {
                let close = rest[open..].find('}').expect("closed placeholder") + open;
                let key = &rest[open + 1..close];
                assert!(KNOWN.contains(&key), "unknown placeholder {key} in {text}");
                rest = &rest[close + 1..];
            }
        }
    }
}
