//! The world the calls happen in: the problems callers report (as APKT stores them and as
//! people say them), the units' answers, caller and street names, the CSO roster, and the
//! fixed texts of APKT notes and SIMONE notices.

// Problems: what goes wrong, as the report holds it and as people say it

/// One kind of problem a caller reports.
#[derive(Debug)]
pub struct Problem {
    pub code: &'static str,
    /// APKT category of the report.
    pub category: &'static str,
    /// As typed in APKT (`reports.csv` problem, create notes).
    pub report: &'static str,
    /// As the agent reads it back.
    pub spoken: &'static str,
    /// The caller's descriptions.
    pub caller: &'static [&'static str],
    /// No power at the location (a sick person on equipment is urgent).
    pub outage: bool,
}

pub const PROBLEMS: &[Problem] = &[
    Problem {
        code: "padam1",
        category: "GANGGUAN",
        report: "PADAM SATU RUMAH",
        spoken: "listrik padam satu rumah",
        caller: &[
            "Listrik di rumah saya mati, {mbak}, dari tadi.",
            "Rumah saya padam, tetangga nyala semua.",
            "Listriknya mati total di rumah saya, {mbak}.",
            "Mau lapor, listrik rumah saya padam dari sejam yang lalu.",
            "Lampu di rumah mati semua, tetangga sebelah nyala.",
        ],
        outage: true,
    },
    Problem {
        code: "padam_blok",
        category: "GANGGUAN",
        report: "PADAM SATU LINGKUNGAN",
        spoken: "listrik padam satu lingkungan",
        caller: &[
            "Listrik satu gang di tempat saya mati semua, {mbak}.",
            "Di komplek saya padam semua dari tadi.",
            "Satu RT di sini mati lampu, {mbak}.",
            "Lampu padam sekampung, belum nyala-nyala.",
            "Listrik di lingkungan saya mati, semua rumah gelap.",
        ],
        outage: true,
    },
    Problem {
        code: "sebagian",
        category: "GANGGUAN",
        report: "PADAM SEBAGIAN",
        spoken: "listrik mati sebagian",
        caller: &[
            "Listrik di rumah cuma nyala sebagian, {mbak}.",
            "Yang nyala cuma separuh rumah, sebagian mati.",
            "Lampu kamar mati tapi dapur nyala, {mbak}, aneh.",
            "Listriknya setengah-setengah, sebagian ruangan padam.",
        ],
        outage: true,
    },
    Problem {
        code: "tegangan",
        category: "GANGGUAN",
        report: "TEGANGAN TIDAK STABIL",
        spoken: "tegangan listrik naik turun",
        caller: &[
            "Listrik di rumah kedip-kedip terus, {mbak}.",
            "Tegangannya naik turun, lampu redup terang.",
            "Voltasenya drop, kulkas sampai nggak nyala.",
            "Lampunya berkedip-kedip dari tadi.",
        ],
        outage: false,
    },
    Problem {
        code: "kabel",
        category: "GANGGUAN",
        report: "KABEL SR PUTUS",
        spoken: "kabel sambungan ke rumah putus",
        caller: &[
            "Kabel listrik ke rumah saya putus, {mbak}.",
            "Kabel dari tiang ke rumah saya copot.",
            "Kabel SR-nya putus kena dahan pohon.",
            "Ada kabel listrik putus di depan rumah, rumah jadi mati.",
        ],
        outage: true,
    },
    Problem {
        code: "mcb",
        category: "GANGGUAN",
        report: "MCB SERING TURUN",
        spoken: "MCB sering turun",
        caller: &[
            "MCB di meteran turun terus, {mbak}, dinaikin turun lagi.",
            "Sekringnya jeglek terus dari tadi.",
            "Meteran saya anjlok terus, padahal pemakaian sedikit.",
            "Saklar di kWh meter turun terus-terusan.",
        ],
        outage: true,
    },
    Problem {
        code: "tiang",
        category: "GANGGUAN",
        report: "TIANG MIRING",
        spoken: "tiang listrik miring",
        caller: &[
            "Tiang listrik depan rumah saya miring, {mbak}.",
            "Mau lapor tiang listrik miring, kabelnya jadi rendah.",
            "Tiang PLN di gang saya sudah miring banget.",
            "Ada tiang listrik yang hampir rebah di jalan.",
        ],
        outage: false,
    },
    Problem {
        code: "lebih_tagih",
        category: "KELUHAN",
        report: "LEBIH TAGIH",
        spoken: "tagihan listrik lebih tinggi dari biasanya",
        caller: &[
            "Tagihan listrik saya bulan ini naik drastis, {mbak}.",
            "Saya mau tanya tagihan, kok jadi dua kali lipat.",
            "Tagihan saya tiba-tiba jadi besar banget, padahal pemakaian biasa.",
            "Rekening listrik bulan ini nggak wajar, {mbak}.",
            "Kok tagihan saya lebih tagih ya, biasanya cuma dua ratus ribu.",
        ],
        outage: false,
    },
    Problem {
        code: "token",
        category: "KELUHAN",
        report: "TOKEN TIDAK BISA DIMASUKKAN",
        spoken: "token tidak bisa dimasukkan",
        caller: &[
            "Token listrik saya nggak bisa masuk, {mbak}, sekarang listrik mati.",
            "Sudah beli token tapi ditolak terus di meteran.",
            "Meteran saya bunyi gagal waktu masukin token.",
            "Token yang saya beli nggak bisa diinput, listriknya keburu padam.",
        ],
        outage: true,
    },
    Problem {
        code: "kwh",
        category: "KELUHAN",
        report: "KWH METER RUSAK",
        spoken: "kWh meter rusak",
        caller: &[
            "Meteran listrik saya rusak, {mbak}, listrik nggak nyala.",
            "kWh meter saya layarnya mati, listrik juga mati.",
            "Meteran saya rusak, angkanya nggak muncul.",
            "Meterannya bunyi terus lalu mati total.",
        ],
        outage: true,
    },
    Problem {
        code: "app",
        category: "KELUHAN",
        report: "PERIKSA APP, DIRAGUKAN KONDISI BEROPERASINYA",
        spoken: "pemeriksaan APP karena diragukan kondisi beroperasinya",
        caller: &[
            "Saya minta meteran saya dicek, {mbak}, kayaknya nggak normal.",
            "Kondisi meteran saya meragukan, minta diperiksa.",
            "Tolong APP di rumah saya diperiksa, putarannya cepat sekali.",
            "Meteran saya aneh, {mbak}, minta petugas periksa.",
        ],
        outage: false,
    },
    Problem {
        code: "tusbung",
        category: "TUSBUNG",
        report: "SUDAH BAYAR MINTA SAMBUNG KEMBALI",
        spoken: "listrik diputus padahal sudah bayar, minta disambung kembali",
        caller: &[
            "Listrik saya diputus, padahal tagihannya sudah saya bayar, {mbak}.",
            "Saya sudah bayar tunggakan tadi, minta disambung lagi.",
            "Kemarin kena putus, sekarang sudah lunas, tolong disambung kembali.",
            "Tagihan sudah saya bayar lewat m-banking, tapi listrik belum disambung.",
            "Petugas cabut sambungan saya, padahal sudah bayar, {mbak}.",
            "Saya sudah lunasi tagihan, mohon listriknya dinyalakan lagi.",
        ],
        outage: true,
    },
];

/// Index of the TUSBUNG problem in [`PROBLEMS`].
pub fn tusbung_problem() -> usize {
    PROBLEMS
        .iter()
        .position(|p| p.category == "TUSBUNG")
        .expect("a TUSBUNG problem")
}

/// A unit answer: as stored in `reports.csv` and as the agent says it.
pub type UnitAnswer = (&'static str, &'static str);

pub const ANSWERS_OPEN: &[UnitAnswer] = &[
    (
        "PETUGAS DALAM PERJALANAN KE LOKASI",
        "petugas sedang dalam perjalanan ke lokasi",
    ),
    (
        "MENUNGGU MATERIAL PENGGANTI",
        "petugas masih menunggu material pengganti",
    ),
    (
        "ANTREAN PEKERJAAN, AKAN DIKUNJUNGI HARI INI",
        "laporannya masuk antrean dan akan dikunjungi hari ini",
    ),
    (
        "PERBAIKAN JARINGAN SEDANG DIKERJAKAN",
        "perbaikan jaringan sedang dikerjakan petugas",
    ),
    (
        "SUDAH DIKOORDINASIKAN DENGAN REGU YANTEK",
        "sudah dikoordinasikan dengan regu pelayanan teknik",
    ),
    (
        "MENUNGGU KONFIRMASI PELANGGAN",
        "petugas menunggu konfirmasi dari pelanggan",
    ),
];

pub const ANSWERS_OPEN_BILLING: &[UnitAnswer] = &[
    (
        "PENGECEKAN TAGIHAN OLEH BAGIAN NIAGA",
        "tagihannya sedang dicek oleh bagian niaga",
    ),
    (
        "MENUNGGU JADWAL PEMERIKSAAN METER",
        "masih menunggu jadwal pemeriksaan meter",
    ),
    (
        "DATA SEDANG DIVERIFIKASI",
        "datanya sedang diverifikasi unit",
    ),
];

pub const ANSWERS_RESOLVED: &[UnitAnswer] = &[
    (
        "SUDAH DIPERBAIKI, LISTRIK NORMAL",
        "sudah diperbaiki dan listrik sudah normal",
    ),
    (
        "PENGGANTIAN MCB, SUDAH MENYALA",
        "MCB sudah diganti dan listrik sudah menyala",
    ),
    (
        "SAMBUNGAN SR SUDAH DIPERBAIKI",
        "sambungan kabel ke rumah sudah diperbaiki",
    ),
    (
        "PELANGGAN TIDAK DAPAT DIHUBUNGI, LAPORAN DITUTUP",
        "pelanggan tidak dapat dihubungi sehingga laporan ditutup",
    ),
    (
        "SUDAH DISAMBUNG KEMBALI",
        "listriknya sudah disambung kembali",
    ),
];

pub const ANSWERS_RESOLVED_BILLING: &[UnitAnswer] = &[
    ("TAGIHAN SUDAH DIKOREKSI", "tagihannya sudah dikoreksi"),
    ("KWH METER SUDAH DIGANTI", "kWh meternya sudah diganti"),
    (
        "SUDAH DICEK, PEMAKAIAN SESUAI",
        "sudah dicek dan pemakaiannya sesuai",
    ),
];

// ---------------------------------------------------------------------------------------
// People and places

pub const MALE_NAMES: &[&str] = &[
    "Budi", "Agus", "Joko", "Slamet", "Hendra", "Asep", "Dedi", "Rudi", "Andi", "Bambang", "Wahyu",
    "Yusuf", "Hadi", "Teguh", "Dani", "Iwan", "Rahmat", "Supri", "Fauzan", "Irfan",
];

pub const FEMALE_NAMES: &[&str] = &[
    "Siti", "Sri", "Dewi", "Rina", "Ani", "Lina", "Yuni", "Ratna", "Wati", "Nurul", "Endang",
    "Tuti", "Fitri", "Rini", "Maya", "Lilis", "Aisyah", "Kartika", "Heni", "Susi",
];

pub const SURNAMES: &[&str] = &[
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Setiawan",
    "Gunawan",
    "Pratama",
    "Nugroho",
    "Susanto",
    "Rahayu",
    "Lestari",
    "Kusuma",
    "Hartono",
    "Sihombing",
    "Siregar",
    "Nasution",
    "Lubis",
    "Permana",
    "Suryadi",
];

pub const STREETS: &[&str] = &[
    "Melati Raya",
    "Kenanga",
    "Mawar",
    "Cempaka Putih",
    "Anggrek",
    "Flamboyan",
    "Merpati",
    "Kebon Jeruk",
    "Cipinang Indah",
    "Pahlawan",
    "Sukajadi",
    "Cibaduyut",
    "Margonda",
    "Kemuning",
    "Bougenville",
    "Rawamangun",
    "Pemuda",
    "Diponegoro",
    "Gatot Subroto",
    "Veteran",
];

/// (kelurahan, kecamatan, city)
pub const AREAS: &[(&str, &str, &str)] = &[
    ("Kebayoran Baru", "Kebayoran Baru", "Jakarta Selatan"),
    ("Cempaka Putih Timur", "Cempaka Putih", "Jakarta Pusat"),
    ("Rawamangun", "Pulo Gadung", "Jakarta Timur"),
    ("Kedoya Selatan", "Kebon Jeruk", "Jakarta Barat"),
    ("Sunter Agung", "Tanjung Priok", "Jakarta Utara"),
    ("Sukajadi", "Sukajadi", "Bandung"),
    ("Cibaduyut", "Bojongloa Kidul", "Bandung"),
    ("Pondok Cina", "Beji", "Depok"),
    ("Margahayu", "Bekasi Timur", "Bekasi"),
    ("Cibodas", "Cibodas", "Tangerang"),
];

/// One CSO of the roster.
#[derive(Debug)]
pub struct Agent {
    pub id: &'static str,
    pub name: &'static str,
    pub female: bool,
    pub site: &'static str,
    pub team: &'static str,
}

macro_rules! agents {
    ($(($id:literal, $name:literal, $f:literal, $site:literal, $team:literal)),* $(,)?) => {
        &[$(Agent { id: $id, name: $name, female: $f, site: $site, team: $team }),*]
    };
}

pub const AGENTS: &[Agent] = agents![
    ("CSO54001", "Andri", false, "54", "TL54-A"),
    ("CSO54002", "Dewi", true, "54", "TL54-A"),
    ("CSO54003", "Rina", true, "54", "TL54-A"),
    ("CSO54004", "Fajar", false, "54", "TL54-A"),
    ("CSO54005", "Sari", true, "54", "TL54-B"),
    ("CSO54006", "Yusuf", false, "54", "TL54-B"),
    ("CSO54007", "Putri", true, "54", "TL54-B"),
    ("CSO54008", "Bayu", false, "54", "TL54-B"),
    ("CSO54009", "Nadia", true, "54", "TL54-C"),
    ("CSO54010", "Rizky", false, "54", "TL54-C"),
    ("CSO54011", "Intan", true, "54", "TL54-C"),
    ("CSO54012", "Hendra", false, "54", "TL54-C"),
    ("CSO53001", "Maya", true, "53", "TL53-A"),
    ("CSO53002", "Dimas", false, "53", "TL53-A"),
    ("CSO53003", "Wulan", true, "53", "TL53-A"),
    ("CSO53004", "Gilang", false, "53", "TL53-A"),
    ("CSO53005", "Fitri", true, "53", "TL53-B"),
    ("CSO53006", "Reza", false, "53", "TL53-B"),
    ("CSO53007", "Lestari", true, "53", "TL53-B"),
    ("CSO53008", "Bima", false, "53", "TL53-B"),
    ("CSO51001", "Ayu", true, "51", "TL51-A"),
    ("CSO51002", "Arif", false, "51", "TL51-A"),
    ("CSO51003", "Tika", true, "51", "TL51-A"),
    ("CSO51004", "Yoga", false, "51", "TL51-A"),
    ("CSO51005", "Mega", true, "51", "TL51-B"),
    ("CSO51006", "Ilham", false, "51", "TL51-B"),
    ("CSO51007", "Citra", true, "51", "TL51-B"),
    ("CSO51008", "Eko", false, "51", "TL51-B"),
];

/// Notice SIMONE shows when a report was already escalated.
pub const SIMONE_NOTICE: &str = "Nomor Lapor Sudah Pernah di Eskalasi, Silahkan Lapor Ulang";

/// Notes of a lapor_ulang (before the `CC.<site>.<NAME>` tag).
pub const LAPOR_ULANG_NOTES: &[&str] = &[
    "PELANGGAN MENGHUBUNGI KEMBALI, MENUNGGU KONFIRMASI PETUGAS",
    "PELANGGAN LAPOR ULANG, BELUM ADA PETUGAS DATANG",
    "PELANGGAN MENGHUBUNGI KEMBALI, MOHON SEGERA DITINDAKLANJUTI",
    "LAPOR ULANG, KONDISI MASIH SAMA, MOHON DIPERCEPAT",
];

/// Notes of an update on an open report.
pub const UPDATE_NOTES: &[&str] = &[
    "PELANGGAN MENGHUBUNGI KEMBALI, KONDISI MASIH SAMA",
    "PELANGGAN MENANYAKAN PROGRES, MOHON DIPERCEPAT",
    "UPDATE NO HP PELANGGAN, MASIH MENUNGGU PETUGAS",
    "PELANGGAN KONFIRMASI ALAMAT SESUAI, MOHON SEGERA DITANGANI",
];

/// Extra words in a create note after the problem.
pub const CREATE_NOTE_TAILS: &[&str] = &[
    "",
    ", PATOKAN DEPAN MASJID",
    ", MOHON SEGERA DITINDAKLANJUTI",
    ", PATOKAN DEKAT WARUNG",
    ", SEJAK SORE",
];
