#!/usr/bin/env python3
"""writer3: blind, independent test-data writer for callaudit (PLN 123 lapor-ulang SOP).

Writes a complete audit input (manifest, APKT/SIMONE action logs split per day, report
export, transcripts in real recogniser formats) plus truth.csv and expected_calls.csv.
Labels are fixed first from the scenario; recogniser noise is applied afterwards and
never touches the spans a label depends on (numbers that matter, time-of-day words,
negations).

Python 3 standard library only; deterministic for a given --seed.
"""
import argparse
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import math
import os
import random
import shutil
import uuid

STEPS = ["greeting", "caller_name", "prior_report_question", "data_verification",
         "empathy", "status_update", "phone_verification", "apkt_action", "apkt_note",
         "simone_escalation", "clarity_check", "eta_3x24", "service_guarantee",
         "ticket_number", "closing", "forbidden_phrases"]

PATHS = ["FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_RESOLVED", "REPEAT_OPEN_LT12H",
         "REPEAT_OPEN_GE12H"]
PATH_W = [0.33, 0.10, 0.19, 0.16, 0.22]
REPEATS = {"REPEAT_RESOLVED", "REPEAT_OPEN_LT12H", "REPEAT_OPEN_GE12H"}
NOTICE_TEXT = "Nomor Lapor Sudah Pernah di Eskalasi, Silahkan Lapor Ulang"

# ---------------------------------------------------------------- people, places
SITES = [
    # site_code, tz offset hours, APKT unit prefixes, city
    ("54", 7, ["5421", "5411", "5431"], "Jakarta"),
    ("31", 7, ["5131", "5132"], "Surabaya"),
    ("73", 8, ["7311", "7312"], "Makassar"),
    ("27", 7, ["5274", "5271"], "Yogyakarta"),
]
AGENTS = [
    ("CSO054-011", "Andri", "54", "TL-Rahmawati", "formal"),
    ("CSO054-017", "Dewi", "54", "TL-Rahmawati", "casual"),
    ("CSO054-023", "Rizky", "54", "TL-Gunawan", "casual"),
    ("CSO054-031", "Putri", "54", "TL-Gunawan", "formal"),
    ("CSO031-004", "Fajar", "31", "TL-Hartono", "formal"),
    ("CSO031-009", "Wulan", "31", "TL-Hartono", "casual"),
    ("CSO031-015", "Bayu", "31", "TL-Hartono", "wordy"),
    ("CSO073-002", "Nadia", "73", "TL-Sulastri", "formal"),
    ("CSO073-006", "Reza", "73", "TL-Sulastri", "terse"),
    ("CSO073-012", "Intan", "73", "TL-Sulastri", "casual"),
    ("CSO027-003", "Yoga", "27", "TL-Suharti", "jawa"),
    ("CSO027-008", "Tika", "27", "TL-Suharti", "jawa"),
    ("CSO027-014", "Dimas", "27", "TL-Suharti", "wordy"),
    ("CSO054-040", "Hendra", "54", "TL-Gunawan", "terse"),
]
MALE_AGENTS = {"Andri", "Rizky", "Fajar", "Bayu", "Reza", "Yoga", "Dimas", "Hendra"}
AGENT_MISHEAR = {"Andri": ["Andre", "Andry"], "Dewi": ["Dewy"], "Rizky": ["Riski", "Rizki"],
                 "Putri": ["Putry"], "Fajar": ["Pajar"], "Wulan": ["Wulang"],
                 "Bayu": ["Bayuu"], "Nadia": ["Nadya"], "Reza": ["Resa"], "Intan": ["Intant"],
                 "Yoga": ["Yogha"], "Tika": ["Tikah"], "Dimas": ["Dhimas"], "Hendra": ["Hendro"]}

MALE = ["Budi Santoso", "Agus Salim", "Dedi Kurniawan", "Joko Susilo", "Ahmad Fauzi",
        "Wahyu Hidayat", "Eko Prasetyo", "Slamet Riyadi", "Asep Kholid", "Ujang Sopandi",
        "Ucok Siregar", "Made Wirawan", "Teguh Wibowo", "Rahmat Hidayat", "Bambang Sutrisno",
        "Hasan Basri", "Yusuf Maulana", "Andi Pratama", "Ketut Suardana", "Rudi Hartono",
        "Imam Syafii", "Arif Setiawan", "Taufik Ismail", "Daeng Rahman", "Gilang Ramadhan"]
FEMALE = ["Siti Aminah", "Rina Wati", "Sri Mulyani", "Nur Hasanah", "Lestari Handayani",
          "Dwi Handayani", "Ratna Sari", "Maria Goretti", "Kadek Ayu", "Yanti Kusuma",
          "Fitri Anggraini", "Endang Susanti", "Wati Suryani", "Nining Rohaeti",
          "Sulastri Wahyuni", "Mega Puspita", "Nurul Aini", "Eni Marlina", "Rosmawati",
          "Ani Yudhoyani", "Tuti Alawiyah", "Indah Permata", "Yuliani", "Hajjah Maryam"]
NAME_MISHEAR = {"Budi": ["Budhi", "Bodi"], "Agus": ["Agos"], "Dedi": ["Dedy", "Dodi"],
                "Joko": ["Jaka"], "Ahmad": ["Achmad", "Amat"], "Wahyu": ["Wahyuu"],
                "Eko": ["Ekok"], "Slamet": ["Selamet"], "Asep": ["Asef"], "Ujang": ["Ujan"],
                "Rina": ["Rini"], "Sri": ["Seri"], "Nur": ["Nurr"], "Dwi": ["Dewi"],
                "Ratna": ["Ratnah"], "Yanti": ["Santi"], "Fitri": ["Fitriy"],
                "Endang": ["Endan"], "Rudi": ["Rudy"], "Arif": ["Arip"], "Hasan": ["Asan"],
                "Teguh": ["Tegoh"], "Mega": ["Mego"], "Indah": ["Inda"]}

STREETS = ["Jl. Melati Raya", "Jl. Kenanga", "Jl. Cempaka Putih Tengah", "Gg. Mawar",
           "Jl. Raya Bogor", "Perum Griya Asri Blok C2", "Jl. Pahlawan", "Jl. Diponegoro",
           "Jl. Kaliurang Km 7", "Jl. Urip Sumoharjo", "Komplek Bumi Indah Blok F",
           "Jl. Veteran", "Jl. Sultan Alauddin", "Jl. Rungkut Asri", "Gg. Kelinci",
           "Jl. Manggis", "Perumahan Taman Sari", "Jl. Perintis Kemerdekaan",
           "Jl. Gajah Mada", "Jl. Ahmad Yani"]
AREAS = ["Kebayoran Baru", "Cibinong", "Depok Timur", "Tebet", "Rungkut", "Wonokromo",
         "Tamalanrea", "Panakkukang", "Sleman", "Depok Sleman", "Bantul", "Ciracas",
         "Pondok Gede", "Gubeng", "Mariso", "Umbulharjo", "Kalideres", "Cengkareng"]

# problems: (category, spoken by caller, report text, short spoken confirm)
PROBLEMS = [
    ("GANGGUAN", "listrik di rumah saya padam dari tadi", "LISTRIK PADAM SATU RUMAH",
     "listrik padam satu rumah"),
    ("GANGGUAN", "lampunya mati sebagian, yang nyala cuma di dapur", "PADAM SEBAGIAN",
     "padam sebagian"),
    ("GANGGUAN", "MCB di meteran turun terus, dinaikin turun lagi", "MCB TURUN TERUS",
     "MCB sering turun"),
    ("GANGGUAN", "tegangannya naik turun, lampu kedip-kedip terus", "TEGANGAN TIDAK STABIL",
     "tegangan tidak stabil"),
    ("GANGGUAN", "kabel dari tiang ke rumah kendor, nempel ke pohon", "KABEL SR KENDOR",
     "kabel SR kendor"),
    ("GANGGUAN", "satu gang mati lampu semua dari kemarin", "PADAM SATU GANG",
     "padam satu gang"),
    ("KELUHAN", "token sudah saya isi tapi angkanya tidak bertambah", "TOKEN TIDAK MASUK",
     "token tidak masuk"),
    ("KELUHAN", "tagihan bulan ini naik dua kali lipat padahal pemakaian biasa",
     "LEBIH TAGIH", "lebih tagih"),
    ("KELUHAN", "meteran bunyi tit tit terus padahal token masih ada", "KWH METER BERBUNYI",
     "meteran bunyi terus"),
    ("GANGGUAN", "lampu jalan depan rumah mati sudah seminggu", "LAMPU PJU PADAM",
     "lampu PJU padam"),
]
TUSBUNG_PROBLEM = ("TUSBUNG", None, "PENYAMBUNGAN KEMBALI SETELAH PELUNASAN",
                   "penyambungan kembali setelah pelunasan")
TUSBUNG_SAY = [
    "listrik saya diputus kemarin karena telat bayar, tapi barusan sudah saya lunasi, minta disambung lagi",
    "rumah saya kena putus, tunggakannya sudah saya bayar lewat bank, tolong disambung kembali",
    "kemarin petugas cabut meteran karena nunggak, sekarang sudah lunas, tolong disambung lagi",
    "saya sudah bayar tagihan yang nunggak tiga bulan, listriknya minta disambungkan lagi",
    "sudah saya bayar semua tunggakan di kantor pos, tapi listrik belum disambung, mohon disambung",
    "aliran listrik saya diputus, pembayarannya sudah beres barusan, tolong sambung lagi",
]

UNIT_ANSWERS_RESOLVED = [
    "petugas sudah melakukan perbaikan di lokasi dan listrik sudah normal",
    "sudah dilakukan penggantian MCB oleh petugas",
    "kabel sudah diperbaiki dan dinyatakan selesai",
    "sudah dicek petugas, meteran sudah diganti",
    "token sudah diproses ulang dan dinyatakan selesai",
]
UNIT_ANSWERS_OPEN = [
    "petugas sedang menuju lokasi",
    "masih menunggu material dari gudang",
    "sudah dijadwalkan pengecekan oleh regu teknik",
    "",
    "",
]

URGENT_CUES = [
    "Mbak, ibu saya di rumah pakai alat oksigen, konsentratornya mati karena listrik padam, tolong banget ini",
    "Bapak saya lagi sakit, baru pulang dari rumah sakit, di rumah pakai alat bantu napas, butuh listrik sekarang",
    "Ada anggota keluarga yang cuci darah di rumah, mesinnya perlu listrik, tolong didahulukan",
    "Kabelnya putus jatuh ke jalan, masih keluar percikan api, bahaya buat anak-anak yang lewat",
    "Tiang listriknya miring banget, kayaknya mau roboh ke rumah tetangga, bahaya",
    "Meterannya keluar asap, bau gosong, saya takut kebakaran",
    "Kalau hari ini nggak beres juga, saya viralkan di media sosial dan saya laporkan ke wartawan",
    "Saya sudah kesal sekali, besok saya datangi kantor PLN bawa warga satu RT, kalau perlu saya lapor polisi",
    "Ini sudah keterlaluan, saya akan lapor ke Ombudsman dan YLKI kalau masih dibiarkan",
    "Anak saya masih bayi, lagi demam tinggi, di rumah panas sekali nggak ada listrik sama sekali",
]
URGENT_NOTES = ["PASIEN ALAT OKSIGEN", "ADA ORANG SAKIT, ALAT BANTU NAPAS", "PASIEN CUCI DARAH",
                "BAHAYA KABEL PUTUS", "TIANG MIRING", "METER BERASAP", "ANCAMAN MEDIA",
                "ANCAMAN DATANGI KANTOR / POLISI", "HARD COMPLAINT OMBUDSMAN", "BAYI SAKIT"]
NEAR_URGENT = [
    "Saya lagi buru-buru nih, mau berangkat kerja",
    "Tolong dipercepat ya, soalnya nggak enak gelap-gelapan",
    "Isi kulkas saya bisa basi kalau kelamaan",
    "Tetangga saya polisi, rumahnya juga mati lampu kok",
    "Saya baru pulang shift jaga dari rumah sakit, capek, eh lampunya mati",
    "Untung ada lampu emergency di rumah, jadi masih ada terang sedikit",
    "Kemarin saya lihat di berita katanya ada pemeliharaan jaringan ya",
    "Sinyal HP di sini juga jelek, jadi agak susah ditelepon",
]

# ---------------------------------------------------------------- phrase banks
# placeholders: {S} honorific, {N} caller addressed name, {W} time of day, {A} agent,
# {T} new ticket, {P} prior number, {RN} report name, {AD} address, {PR} problem,
# {UA} unit answer, {PH} caller number, {DT} date said, {X} other time of day
# «...» marks protected spans handled by the renderer; "||" = next agent turn after a
# short caller acknowledgement; "|" = same speaker, new segment.

GREET_PASS = [
    "«pln» selamat «tod:{W}», dengan {A}, ada yang bisa dibantu?",
    "Selamat «tod:{W}», «pln», saya {A}, ada yang bisa saya bantu?",
    "«pln», selamat «tod:{W}». Dengan {A} di sini, ada yang bisa kami bantu?",
    "Selamat «tod:{W}», terima kasih sudah menghubungi «pln», saya {A}, ada yang bisa dibantu?",
    "«pln» selamat «tod:{W}» dengan {A} bisa dibantu?",
    "Halo, «pln» selamat «tod:{W}», {A} di sini, ada yang bisa dibantu?",
    "Dengan «pln», selamat «tod:{W}», saya {A}. Ada yang bisa saya bantu?",
    "«pln», selamat «tod:{W}», dengan {A}, boleh saya bantu?",
    "Iya, selamat «tod:{W}», «pln» dengan {A}, ada yang perlu dibantu?",
    "«pln» selamat «tod:{W}», Anda terhubung dengan {A}, ada yang bisa saya bantu?",
]
GREET_FAIL = {
    "wrong_time": ["«pln» selamat «tod:{X}», dengan {A}, ada yang bisa dibantu?",
                   "Selamat «tod:{X}», «pln», saya {A}, ada yang bisa saya bantu?",
                   "«pln», selamat «tod:{X}», dengan {A}, boleh saya bantu?"],
    "no_name": ["«pln» selamat «tod:{W}», ada yang bisa dibantu?",
                "Selamat «tod:{W}», «pln», ada yang bisa kami bantu?",
                "«pln», selamat «tod:{W}», silakan, ada yang bisa dibantu?"],
    "no_pln": ["Selamat «tod:{W}», dengan {A}, ada yang bisa dibantu?",
               "Halo, selamat «tod:{W}», saya {A}, ada yang bisa saya bantu?"],
    "no_time": ["«pln», selamat datang, dengan {A}, ada yang bisa dibantu?",
                "Halo, «pln», dengan {A}, ada yang bisa dibantu?"],
}

ASK_NAME = [
    "Mohon maaf, dengan Bapak atau Ibu siapa saya berbicara?",
    "Baik, boleh saya tahu dengan siapa saya bicara?",
    "Dengan {S} siapa ini?",
    "Boleh dibantu namanya, {S}?",
    "Sebelumnya, saya bicara dengan {S} siapa ya?",
    "Atas nama siapa, {S}?",
    "Maaf, namanya siapa, {S}?",
    "Baik {S}. Nama lengkapnya siapa, ya?",
    "Boleh disebutkan nama {S}?",
    "Oke, {S}, saya boleh tahu namanya dulu?",
]
CRM_ADDRESS = [
    "Baik, dengan {S} {N} ya? Silakan, {S}.",
    "Iya, {S} {N}, silakan disampaikan.",
    "Baik {S} {N}, saya dengarkan.",
    "Terima kasih, {S} {N}, saya bantu cek ya.",
    "Dengan {S} {N}, betul? Silakan.",
    "Benar saya berbicara dengan {S} {N}?",
    "Oh, {S} {N}, baik, silakan ceritakan kendalanya.",
    "Selamat datang kembali {S} {N}, silakan.",
]
NAME_FAIL_NEAR = [
    "Boleh alamatnya dulu, {S}?",
    "Dari daerah mana ini, {S}?",
    "Baik, silakan {S}, keluhannya apa?",
]
CALLER_GIVES_NAME = ["Saya {FN}.", "Dengan {FN}, Mbak.", "{FN}, Mas.", "Nama saya {FULL}.",
                     "Saya {S2} {FN}.", "{FULL}."]

PRIOR_Q = [
    "Mohon maaf, apakah {S} sudah melapor sebelumnya?",
    "Sebelumnya sudah pernah lapor ke kami belum, {S}?",
    "Untuk keluhan ini, {S} sudah pernah menghubungi «pln» dan melapor sebelumnya?",
    "Apa sudah ada laporan sebelumnya untuk masalah ini?",
    "Ini laporan pertama atau sudah pernah lapor, {S}?",
    "Sudah sempat dilaporkan sebelumnya, {S}?",
    "Apakah gangguan ini sudah pernah {S} laporkan?",
    "Boleh saya tahu, sebelumnya pernah melapor untuk kendala yang sama?",
    "Kemarin-kemarin udah pernah lapor belum, {S}?",
    "Sebelum ini sudah ada laporan masuk dari {S}?",
]
PRIOR_ID_ASK = [
    "Baik, boleh disebutkan nomor laporannya?",
    "Kalau ada, boleh dibantu nomor lapornya, atau nomor telepon yang dipakai waktu melapor?",
    "Boleh saya minta ID pelanggan atau nomor meternya?",
    "Masih ingat nomor laporannya, {S}? Atau nomor HP yang dipakai saat lapor?",
    "Nomor laporan sebelumnya ada? Kalau tidak ada, ID pelanggannya saja.",
    "Baik, untuk saya cek, dibantu nomor telepon yang digunakan waktu lapor kemarin.",
    "Bisa dibacakan nomor bukti lapornya, {S}?",
    "Boleh saya minta nomor meter atau ID pelanggannya untuk dicek?",
]
PRIOR_Q_NEAR = [
    "Apakah {S} sudah pakai aplikasi PLN Mobile?",
    "{S} sudah pernah pasang aplikasi PLN Mobile di HP?",
]
CALLER_NO = ["Belum, Mbak, baru sekarang.", "Belum pernah.", "Belum, ini yang pertama.",
             "Belum sih, baru mau lapor ini.", "Nggak, belum pernah lapor."]
CALLER_YES = ["Sudah, Mbak, kemarin.", "Sudah pernah, tapi belum ada kabar.",
              "Udah, udah lapor dari kemarin.", "Sudah, makanya saya telepon lagi.",
              "Iya sudah, sudah lapor sebelumnya."]

VERIFY_PASS = [
    ["Baik, laporan sebelumnya atas nama {RN}, alamatnya di {AD}, dengan keluhan {PR}, betul?"],
    ["Saya konfirmasi dulu ya, pelapornya atas nama {RN}?", "Lokasinya di {AD}?",
     "Permasalahannya {PR}, ya?"],
    ["Di sini tercatat nama pelapor {RN}, lokasi {AD}, masalahnya {PR}. Sesuai, {S}?"],
    ["Oke, datanya saya cocokkan ya: nama {RN}, alamat {AD}, kendalanya {PR}, benar begitu?"],
    ["Laporannya atas nama {RN} ya {S}, di {AD}?", "Untuk {PR}, masih sama?"],
    ["Benar laporannya atas nama {RN}?", "Alamatnya {AD}? Yang dilaporkan {PR}?"],
    ["Nama pelapor {RN}, alamat {AD}, keluhannya {PR}, apakah datanya sudah sesuai?"],
    ["Saya bacakan ya, {S}. {RN}, {AD}, {PR}. Sudah benar?"],
    ["Sudah ketemu, {S}. Atas nama {RN}, di {AD}, laporan {PR}, ya?"],
]
VERIFY_FAIL = {
    "name_only": [["Laporannya atas nama {RN}, betul ya {S}?"],
                  ["Saya cek, pelapornya {RN} ya?"]],
    "no_problem": [["Atas nama {RN}, alamat di {AD}, betul?"],
                   ["Nama pelapor {RN} ya, lokasinya {AD}?"]],
    "no_address": [["Laporannya atas nama {RN}, keluhan {PR}, betul?"]],
}
CALLER_CONFIRM = ["Iya betul.", "Iya, Mbak.", "Betul.", "Iya, benar.", "He eh, betul.",
                  "Iya, itu.", "Bener, Mas."]

EMPATHY_PASS = [
    "Mohon maaf atas ketidaknyamanannya, {S}.",
    "Baik {S}, mohon maaf atas permasalahannya.",
    "Kami mohon maaf ya {S}, listriknya jadi bermasalah begini.",
    "Mohon maaf sekali atas kendala yang {S} alami.",
    "Aduh, maaf ya {S}, pasti repot banget kondisinya begitu.",
    "Saya mohon maaf atas gangguan yang terjadi, {S}.",
    "Mohon maaf ya {S} atas ketidaknyamanan yang terjadi di lokasi.",
    "Sebelumnya kami mohon maaf atas gangguan listriknya, {S}.",
    "Kami turut prihatin dan mohon maaf atas ketidaknyamanannya.",
    "Maaf banget ya {S}, jadi terganggu aktivitasnya.",
]
EMPATHY_PASS_REPEAT = [
    "Mohon maaf {S}, sudah lapor tapi masalahnya muncul lagi.",
    "Kami mohon maaf atas ketidaknyamanannya, {S} sampai harus menghubungi kami lagi.",
]
EMPATHY_NEAR = [
    "Mohon maaf, boleh diulang alamatnya, {S}?",
    "Maaf menunggu lama, {S}.",
    "Oh begitu, baik {S}.",
    "Maaf, suaranya agak putus-putus, {S}, bisa diulang?",
    "Mohon maaf, ini dengan nomor meter berapa ya?",
]

STATUS_RESOLVED = [
    "Dari hasil pengecekan, laporan sebelumnya sudah diselesaikan petugas, keterangannya {UA}.",
    "Di sistem, laporan yang kemarin statusnya sudah selesai, {S}, jawaban dari unit: {UA}.",
    "Untuk laporan sebelumnya sudah ditutup oleh unit dengan keterangan {UA}.",
    "Laporan yang lama sudah dinyatakan selesai oleh petugas tanggal {DT}, {S}, catatannya {UA}.",
    "Saya lihat statusnya sudah selesai, {S}. Unit menjawab {UA}.",
    "Menurut jawaban unit, {UA}, jadi laporan itu sudah ditutup.",
]
STATUS_OPEN_ANS = [
    "Laporannya masih dalam proses, {S}, jawaban unit terakhir {UA}.",
    "Saya cek, statusnya belum selesai, keterangan dari unit {UA}.",
    "Untuk progresnya, {S}, dari unit menyampaikan {UA}.",
    "Update terakhir dari petugas, {UA}, jadi masih dikerjakan ya.",
]
STATUS_OPEN_NOANS = [
    "Statusnya masih dalam proses di unit, belum ada jawaban dari petugas.",
    "Statusnya masih menunggu petugas ke lokasi, {S}.",
    "Progresnya sekarang masih di manajer unit, masih antre penanganan, {S}.",
    "Saya lihat di aplikasi, laporannya masih proses, belum ada tanggapan dari unit.",
]
STATUS_NEAR = [
    "Nanti statusnya bisa {S} pantau sendiri lewat aplikasi PLN Mobile ya.",
    "Saya belum bisa lihat statusnya, {S}.",
    "Wah, soal itu nanti saja ya, {S}.",
]

PHONE_MOBILE = [
    "Apakah nomor yang {S} pakai sekarang bisa dihubungi?",
    "Nomor yang dipakai menelepon ini aktif dan bisa dihubungi petugas, {S}?",
    "Untuk konfirmasi petugas nanti, nomor ini bisa ditelepon ya?",
    "Nomor «phone:{PH}» ini bisa dihubungi, {S}?",
    "Kalau petugas menelepon ke nomor ini, bisa diangkat ya {S}?",
    "Nomor handphone yang sedang dipakai ini bisa dihubungi kembali?",
    "Boleh saya pastikan, nomor yang dipakai sekarang bisa dihubungi?",
    "HP yang dipakai ini aktif terus kan, {S}, bisa dihubungi?",
]
PHONE_PSTN = [
    "Bisa dibantu nomor handphone yang dapat dihubungi?",
    "Boleh minta nomor HP yang aktif, {S}, supaya petugas bisa menghubungi?",
    "Karena {S} menelepon dari telepon rumah, boleh saya minta nomor handphone-nya?",
    "Ada nomor seluler yang bisa dihubungi petugas, {S}?",
    "Nomor HP yang bisa dihubungi berapa, {S}?",
    "Untuk dihubungi petugas, boleh nomor ponselnya?",
    "Dibantu nomor HP atau WhatsApp yang aktif, {S}?",
    "Nomor handphone {S} yang bisa kami hubungi berapa ya?",
]
PHONE_WITHHELD = PHONE_PSTN[:2] + PHONE_PSTN[3:]
PHONE_NEAR_PSTN = ["Nomor ini bisa dihubungi, {S}?", "Telepon rumahnya bisa dihubungi ya, {S}?"]
PHONE_NEAR = ["Alamat emailnya ada, {S}?", "Boleh patokan rumahnya, {S}? Dekat apa?"]

HOLD = [
    "Baik, saya buatkan laporannya dulu ya, mohon ditunggu sebentar.",
    "Saya input dulu, «hold» ya {S}.",
    "Oke, saya proses dulu, jangan ditutup teleponnya ya.",
    "Mohon ditunggu, {S}, saya cek di sistem.",
    "Sebentar ya {S}, saya isi datanya dulu.",
]
HOLD_BACK = ["Terima kasih sudah menunggu, {S}.", "Baik, {S}, sudah saya proses.",
             "Halo, {S}, masih di line?", "Oke, {S}, sudah ya."]

CLARITY_PASS = [
    "Apakah informasi yang saya sampaikan sudah cukup jelas, {S}?",
    "Sampai sini sudah jelas, {S}?",
    "Informasinya bisa dipahami, {S}?",
    "Ada yang kurang jelas dari penjelasan saya, {S}?",
    "Penjelasan saya sudah cukup jelas ya, {S} {N}?",
    "Gimana, {S}, sudah jelas ya infonya?",
    "Apa informasinya sudah bisa diterima dengan jelas?",
    "Sudah cukup jelas penjelasannya, {S}?",
    "Jelas ya, {S}, informasi dari saya?",
]
CLARITY_NEAR = ["Listriknya masih padam sampai sekarang, {S}?", "{S} masih di lokasi sekarang?"]
CALLER_CLEAR = ["Jelas, Mbak.", "Iya, jelas.", "Oke, jelas.", "Iya, sudah jelas.",
                "Ngerti, Mas.", "Jelas kok."]

ETA_ASK = [
    "Kira-kira berapa lama ya, Mbak?",
    "Terus kapan dibetulinnya?",
    "Sampai kapan saya harus nunggu?",
    "Petugasnya kira-kira datang jam berapa?",
    "Lama nggak itu prosesnya?",
    "Bisa selesai hari ini nggak?",
    "Estimasinya berapa lama, Mas?",
    "Kapan kira-kira bisa nyala lagi?",
]
ETA_PASS = [
    "Estimasi waktu penyelesaiannya, sesuai standar layanan kami, maksimal «eta» jam dari waktu pelaporan.",
    "Untuk penanganannya maksimal «eta» jam, {S}, tapi kami usahakan lebih cepat.",
    "Standarnya paling lama «eta» jam ya {S}.",
    "Kami belum bisa pastikan jamnya, tapi batas maksimalnya «eta» jam sejak dilaporkan.",
    "Sesuai standar layanan, «eta» jam, {S}.",
    "Penyelesaian keluhan maksimal «eta» jam dari laporan masuk.",
    "Paling lambat «eta» jam, {S}, mohon ditunggu.",
    "Waktunya sesuai standar layanan PLN, «eta» jam ya.",
]
ETA_FAIL = [
    "Paling lama «eta1» jam, {S}.",
    "Maksimal «eta2» jam ya, {S}.",
    "Biasanya dua sampai tiga jam petugas sudah sampai, {S}.",
    "Secepatnya ya {S}, saya belum bisa pastikan.",
    "Besok pagi sudah dikerjakan, {S}.",
    "Mungkin hari ini juga beres, {S}.",
]
ETA_PROACTIVE = "Untuk info saja, standar penyelesaiannya maksimal «eta» jam, {S}."
NONASK_COMPLAINT = ["Saya sudah nunggu dari tadi lho.", "Sudah dua hari begini, Mbak.",
                    "Capek saya nunggunya."]

GUAR_PASS = [
    "Untuk laporannya kami sampaikan ke unit pelayanan terkait untuk segera ditindaklanjuti.",
    "Laporan {S} sudah saya teruskan ke unit, nanti segera ditindaklanjuti petugas.",
    "Keluhannya langsung kami teruskan ke petugas di unit setempat agar segera ditangani.",
    "Baik {S}, laporannya sudah diteruskan ke ULP terkait dan akan segera ditindaklanjuti.",
    "Sudah saya kirim ke unit ya, {S}, biar cepat ditangani petugas.",
    "Kami teruskan ke unit layanan terkait untuk ditindaklanjuti secepatnya.",
    "Nanti laporan ini diproses unit PLN setempat secepatnya, {S}.",
    "Laporannya sudah masuk ke unit pelaksana dan akan segera ditindaklanjuti ya, {S}.",
    "Laporan {S} kami teruskan ke unit terkait supaya penanganannya diprioritaskan.",
]
GUAR_NEAR = [
    "Kami jamin listriknya pasti nyala lagi, {S}.",
    "Mudah-mudahan cepat beres ya, {S}.",
    "Laporannya sudah saya catat, {S}.",
    "Pokoknya tenang saja, {S}, pasti aman.",
]

TICKET_NEW = [
    "Mohon dicatat nomor bukti lapornya, «tk».",
    "Nomor laporan {S}, «tk».",
    "Untuk nomor lapornya «tk», silakan dicatat.",
    "Ini nomor tiketnya ya {S}, «tk».",
    ["Boleh siapkan alat tulis, {S}?", "Nomor laporannya «tk»."],
    "Nomor bukti laporannya «tk», saya ulangi, «tk».",
    "Dicatat ya, nomor laporan baru «tk».",
    "Nomor lapornya «tk», bisa dipakai kalau mau tanya perkembangan.",
]
TICKET_LINK = [
    "Nomor ini terkait dengan laporan sebelumnya ya, {S}.",
    "Nomor baru ini masih terhubung dengan nomor laporan yang lama.",
    "Ini nomor baru, tapi tetap terkait laporan «pr».",
    "Jadi nomornya baru, {S}, tapi masih tersambung ke laporan yang sebelumnya.",
]
TICKET_OPEN = [
    "Untuk nomor laporannya masih menggunakan nomor yang sebelumnya ya, {S}, «pr».",
    "Nomor lapornya tetap yang lama, «pr», masih berlaku.",
    "Tidak ada nomor baru ya {S}, tetap pakai nomor laporan «pr».",
    "Nomor laporan yang {S} punya masih berlaku, jadi tidak perlu nomor baru.",
    "Silakan tetap pakai nomor lapor yang kemarin, {S}.",
    "Laporannya masih di nomor «pr» ya.",
    "Nomor laporannya masih sama seperti sebelumnya, {S}.",
    "Untuk referensinya tetap nomor «pr» yang tadi {S} sebutkan.",
]
TICKET_NEAR_NEW = ["Nanti nomor laporannya dikirim lewat SMS ya, {S}.",
                   "Nomornya nanti bisa dicek sendiri di aplikasi, {S}."]
TICKET_NEAR_RESOLVED_OLD = ["Nomor laporannya masih «pr» ya, {S}."]

CLOSE_PASS = [
    ["Agar semua makin mudah, ayo download aplikasi New PLN Mobile di Playstore atau App Store. Terima kasih telah menghubungi «pln», selamat «tod:{W}» {S} {N}."],
    ["Jangan lupa unduh New PLN Mobile di Play Store atau App Store ya, {S}. Terima kasih sudah menghubungi «pln», selamat «tod:{W}»."],
    ["Untuk kemudahan, silakan download New PLN Mobile lewat Play Store maupun App Store. Terima kasih telah menghubungi «pln». Selamat «tod:{W}»."],
    ["Oh iya {S}, biar lebih gampang, download aja aplikasi New PLN Mobile di Playstore atau App Store.",
     "Terima kasih sudah telepon «pln», selamat «tod:{W}», {S}."],
    ["Ayo pakai New PLN Mobile, bisa diunduh di Play Store dan App Store. Terima kasih atas teleponnya ke «pln», selamat «tod:{W}»."],
    ["Sebelum saya tutup, silakan download New PLN Mobile di Play Store atau App Store supaya semua makin mudah. Terima kasih telah menghubungi «pln», selamat «tod:{W}»."],
    ["Makasih sudah menghubungi «pln» ya {S}, dan jangan lupa download New PLN Mobile di Playstore atau App Store. Selamat «tod:{W}»."],
    ["Kalau mau lapor lebih cepat, ada aplikasi New PLN Mobile di Play Store atau App Store, {S}.",
     "Terima kasih, sudah menghubungi «pln», selamat «tod:{W}» {S} {N}."],
]
CLOSE_FAIL = {
    "no_campaign": [["Terima kasih telah menghubungi «pln», selamat «tod:{W}», {S}."],
                    ["Baik {S}, terima kasih sudah menghubungi «pln». Selamat «tod:{W}»."]],
    "wrong_time": [["Agar semua makin mudah, ayo download New PLN Mobile di Playstore atau App Store. Terima kasih telah menghubungi «pln», selamat «tod:{X}»."],
                   ["Jangan lupa unduh New PLN Mobile di Play Store atau App Store ya. Terima kasih sudah menghubungi «pln», selamat «tod:{X}», {S}."]],
    "no_thanks": [["Silakan download New PLN Mobile di Play Store atau App Store ya {S}. Selamat «tod:{W}»."]],
    "other_campaign": [["Jangan lupa bayar tagihan sebelum tanggal dua puluh ya, {S}. Terima kasih telah menghubungi «pln», selamat «tod:{W}»."]],
}
CALLER_BYE = ["Iya, makasih, Mbak.", "Oke, terima kasih.", "Sama-sama.", "Iya, makasih ya.",
              "Nggih, matur nuwun.", "Oke deh, makasih."]

CALLER_OPEN = ["Halo, Mbak, {PROB}.", "Iya, Mas, ini saya mau lapor, {PROB}.",
               "Selamat {W}, Mbak. Ini, {PROB}.", "Halo? Iya, {PROB}.",
               "Mbak, tolong, {PROB}.", "Iya halo, saya mau komplain, {PROB}."]
CALLER_OPEN_REPEAT = ["Halo, Mbak, saya mau tanya laporan saya, {PROB}, belum ada perbaikan.",
                      "Iya, Mas, ini saya telepon lagi, {PROB}.",
                      "Mbak, saya kemarin sudah lapor, tapi {PROB} lagi.",
                      "Halo, saya mau nanya, laporan saya gimana ya, {PROB}."]
CALLER_OPEN_REPEAT_RES = ["Halo, Mbak, kemarin sudah diperbaiki, tapi sekarang {PROB} lagi.",
                          "Iya Mas, laporan saya katanya sudah selesai, tapi ini {PROB} lagi.",
                          "Mbak, ini kok balik lagi masalahnya, {PROB}."]
BACKCHANNEL = ["Iya.", "He eh.", "Oke.", "Hmm.", "Iya, Mbak.", "Ya."]
CALLER_ADDR = ["Alamatnya di {AD}.", "Di {AD}, Mbak.", "{AD}, dekat masjid."]
ASK_ADDR = ["Boleh alamat lengkapnya, {S}?", "Lokasinya di mana, {S}?",
            "Alamat lengkap dan patokannya, {S}?"]

REGION_PARTICLES = {
    "jawa": ["nggih", "lho", "toh", "niku"],
    "betawi": ["dong", "deh", "sih", "kok", "gitu", "nih", "aje"],
    "sunda": ["teh", "atuh", "mah", "euy"],
    "plain": ["sih", "ya", "gitu", "kok"],
}

# ---------------------------------------------------------------- numbers
DIG = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def n2w(n):
    if n < 10:
        return DIG[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return DIG[n - 10] + " belas"
    if n < 100:
        t, u = divmod(n, 10)
        return DIG[t] + " puluh" + ("" if u == 0 else " " + DIG[u])
    if n < 1000:
        h, r = divmod(n, 100)
        head = "seratus" if h == 1 else DIG[h] + " ratus"
        return head + ("" if r == 0 else " " + n2w(r))
    return " ".join(DIG[int(c)] for c in str(n))


def digits_words(s, zero="nol"):
    out = []
    for c in s:
        if c.isdigit():
            out.append(zero if c == "0" else DIG[int(c)])
        elif c.upper() == "K":
            out.append("ka")
    return " ".join(out)


def lexicalize(text):
    """Azure 'lexical' form: lower case, no punctuation, numbers spelled out."""
    out = []
    for tok in text.split():
        t = tok.strip(".,?!;:").lower()
        if not t:
            continue
        if "x" in t and t.replace("x", "").isdigit() and t.count("x") == 1:
            a, b = t.split("x")
            out.append(n2w(int(a)) + " kali " + n2w(int(b)))
            continue
        if t.isdigit():
            out.append(n2w(int(t)) if len(t) <= 3 else digits_words(t))
            continue
        if t[0] == "k" and t[1:].isdigit() and len(t) > 5:
            out.append(digits_words(t))
            continue
        t = t.replace("-", " ")
        parts = []
        for p in t.split():
            parts.append(digits_words(p) if p.isdigit() else p)
        out.append(" ".join(parts))
    return " ".join(out)


# ---------------------------------------------------------------- noise
SPLITS = {"dibantu": "di bantu", "menghubungi": "meng hubungi",
          "permasalahannya": "permasalahan nya", "ketidaknyamanannya": "ketidak nyamanannya",
          "ditindaklanjuti": "di tindak lanjuti", "dihubungi": "di hubungi",
          "sebelumnya": "sebelum nya", "laporannya": "laporan nya",
          "disampaikan": "di sampaikan", "diteruskan": "di teruskan",
          "Playstore": "Play store", "handphone": "hand phone", "ditelepon": "di telepon",
          "penyelesaiannya": "penyelesaian nya", "secepatnya": "se cepatnya",
          "informasinya": "informasi nya", "terkait": "ter kait", "melapor": "me lapor",
          "nomornya": "nomor nya", "ditangani": "di tangani", "dilaporkan": "di laporkan"}
JOINS = [("terima", "kasih", "terimakasih"), ("ada", "yang", "adayang"),
         ("bisa", "dibantu", "bisadibantu"), ("mohon", "maaf", "mohonmaaf"),
         ("sudah", "pernah", "sudahpernah"), ("App", "Store", "Appstore"),
         ("Play", "Store", "Playstore"), ("tindak", "lanjut", "tindaklanjut"),
         ("nomor", "laporan", "nomorlaporan"), ("selamat", "datang", "selamatdatang")]
CONFUSE = {
    "jelas": ["gelas", "jelas"], "bantu": ["batu", "bantuk"], "segera": ["segara"],
    "lapor": ["lapar", "lapur"], "laporan": ["lapuran", "laporang"],
    "padam": ["padang"], "kabel": ["kabar"], "rumah": ["ramah"], "nomor": ["nomer"],
    "maaf": ["maap"], "dengan": ["dengen", "degan"], "mohon": ["mohan"],
    "sudah": ["suda"], "selamat": ["slamat", "selamet"], "informasi": ["imformasi"],
    "cukup": ["cukub"], "unit": ["unik"], "petugas": ["petugasnya", "pertugas"],
    "aplikasi": ["aplikasih"], "download": ["donlot", "daunlod"], "terkait": ["terkai"],
    "keluhan": ["kaluhan"], "alamat": ["alamatnya"], "siapa": ["siapah"],
    "tunggu": ["tunggal"], "menghubungi": ["menghubungin"], "teleponnya": ["teleponya"],
    "tindaklanjuti": ["tindak lanjuti"], "handphone": ["hp", "henpon"],
    "catat": ["cacat"], "meteran": ["materan"], "listrik": ["listrix"], "kami": ["kamu"],
    "proses": ["protes"], "baik": ["baek"], "terima": ["trima"], "berbicara": ["bicara"],
    "pelaporan": ["pelapuran"], "diteruskan": ["diterusin"], "standar": ["standart"],
    "Playstore": ["plestor"], "kendala": ["kendara"], "gangguan": ["ganguan"],
}
DROPPABLE = {"yang", "ya", "di", "untuk", "ke", "atas", "dan", "dari", "ini", "itu", "saja",
             "aja", "dulu", "nanti", "sudah"}
PROTECT_WORDS = {"pagi", "siang", "sore", "malam", "tidak", "belum", "bukan", "nggak",
                 "gak", "tanpa", "enggak", "kagak", "tiga", "jam", "baru", "lama", "pln",
                 "new", "mobile", "tetap", "sama", "masih"}
FILLERS = ["eee", "emm", "hmm", "eh", "anu", "apa namanya", "e"]
EN_FILLERS = ["oke", "okay", "ok"]
CASUAL = [("Bapak", "Pak"), ("Ibu", "Bu"), ("sudah", "udah"), ("saja", "aja"),
          ("tidak", "nggak"), ("sebentar", "bentar"), ("bagaimana", "gimana"),
          ("menelepon", "nelpon"), ("betul", "bener")]
TODS = ["pagi", "siang", "sore", "malam"]


def tod_of(t):
    h = t.hour
    if 4 <= h < 11:
        return "pagi"
    if 11 <= h < 15:
        return "siang"
    if 15 <= h < 18:
        return "sore"
    return "malam"


class Noise:
    def __init__(self, rng, level):
        self.r = rng
        self.level = level
        L = level
        self.p_conf = [0, 0.006, 0.03, 0.065][L]
        self.p_drop = [0, 0.0, 0.02, 0.045][L]
        self.p_split = [0, 0.05, 0.2, 0.35][L]
        self.p_join = [0, 0.05, 0.15, 0.3][L]
        self.p_stut = [0, 0.004, 0.015, 0.035][L]
        self.p_fill = [0, 0.12, 0.25, 0.45][L]
        self.p_seg = [0, 0.05, 0.15, 0.3][L]
        self.p_back = [0, 0.0, 0.08, 0.18][L]
        self.p_name = [0, 0.0, 0.05, 0.22][L]
        self.p_en = [0, 0.03, 0.06, 0.12][L]

    def words(self, text, role, names):
        """Return a list of (word, conf_penalty) for one turn's text (protected spans
        already rendered and marked with \x01 so they are never altered)."""
        r = self.r
        toks = text.split()
        out = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if tok.startswith("\x01"):
                for w in tok[1:].split("\x02"):
                    out.append((w, 0.0, True))
                i += 1
                continue
            core = tok.rstrip(".,?!;:")
            punct = tok[len(core):]
            low = core.lower()
            if low in PROTECT_WORDS or not core:
                out.append((tok, 0.0, False))
                i += 1
                continue
            # joins
            if i + 1 < len(toks) and not toks[i + 1].startswith("\x01"):
                nxt = toks[i + 1].rstrip(".,?!;:")
                joined = False
                for a, b, j in JOINS:
                    if core.lower() == a.lower() and nxt.lower() == b.lower() and not punct \
                            and r.random() < self.p_join:
                        p2 = toks[i + 1][len(nxt):]
                        jj = j[0].upper() + j[1:] if core[0].isupper() else j[0].lower() + j[1:]
                        out.append((jj + p2, 0.15, False))
                        i += 2
                        joined = True
                        break
                if joined:
                    continue
            # names misheard
            if core in names and names[core] and r.random() < self.p_name:
                out.append((r.choice(names[core]) + punct, 0.3, False))
                i += 1
                continue
            # drop
            if low in DROPPABLE and r.random() < self.p_drop:
                i += 1
                continue
            # confusion
            if low in CONFUSE and r.random() < self.p_conf:
                rep = r.choice(CONFUSE[low])
                if core[0].isupper():
                    rep = rep[0].upper() + rep[1:]
                out.append((rep + punct, 0.35, False))
                i += 1
                continue
            # split
            if core in SPLITS and r.random() < self.p_split:
                parts = SPLITS[core].split()
                for k, p in enumerate(parts):
                    out.append((p + (punct if k == len(parts) - 1 else ""), 0.12, False))
                i += 1
                continue
            # stutter
            if len(core) > 3 and r.random() < self.p_stut:
                if r.random() < 0.5:
                    out.append((core[:2] + "-", 0.4, False))
                else:
                    out.append((core + ",", 0.2, False))
            out.append((tok, 0.0, False))
            i += 1
        # fillers
        if out and r.random() < self.p_fill:
            pos = r.randrange(0, len(out))
            if not out[pos][2] and (pos == 0 or not out[pos - 1][2]):
                f = r.choice(FILLERS)
                for w in reversed(f.split()):
                    out.insert(pos, (w, 0.25, False))
        if out and r.random() < self.p_en:
            f = r.choice(EN_FILLERS + (["sorry", "sorry"] if role == "caller" else []))
            if out[0][0][:1].isupper() and not out[0][2] and out[0][0].lower() not in ("pln",):
                out[0] = (out[0][0][0].lower() + out[0][0][1:],) + out[0][1:]
            out.insert(0, (f[0].upper() + f[1:] + ",", 0.2, False))
        return out


# ---------------------------------------------------------------- protected rendering
def render_protected(kind, val, r, level, spoken_words):
    """Rendering of a protected span as the recogniser would write it.  The meaning is
    kept exactly: digits of numbers that matter, the time-of-day word, 3x24."""
    if kind == "tod":
        return [val]
    if kind == "pln":
        opts = ["PLN 123", "PLN 123", "PLN 123", "PLN 1 2 3", "PLN satu dua tiga",
                "PLN seratus dua puluh tiga", "PLN123"]
        if spoken_words:
            opts = ["PLN seratus dua puluh tiga", "PLN satu dua tiga"]
        return r.choice(opts[: (3 if level <= 1 else len(opts))]).split()
    if kind == "eta":
        opts = ["3x24", "3 x 24", "3x24", "3×24", "3 kali 24", "tiga kali dua puluh empat",
                "3 kali dua puluh empat"]
        if spoken_words:
            opts = ["tiga kali dua puluh empat"]
        return r.choice(opts if level >= 2 else opts[:3]).split()
    if kind in ("eta1", "eta2"):
        n = "1" if kind == "eta1" else "2"
        opts = [n + "x24", n + " x 24", n2w(int(n)) + " kali dua puluh empat"]
        return r.choice(opts if not spoken_words else opts[2:]).split()
    if kind in ("tk", "pr"):
        s = val  # K + 13 digits
        d = s[1:]
        if spoken_words:
            return digits_words(s, r.choice(["nol", "kosong"])).split()
        opts = [s, "K " + d[:4] + " " + d[4:8] + " " + d[8:],
                "K" + d[:4] + " " + d[4:7] + " " + d[7:10] + " " + d[10:],
                "K " + d, "k" + d[:6] + " " + d[6:]]
        if level >= 3:
            opts.append("Ka " + d[:4] + " " + d[4:])
            opts.append(digits_words(s).replace("ka ", "K ", 1))
        return r.choice(opts).split()
    if kind == "phone":
        d = val
        if d.startswith("+62"):
            d = "0" + d[3:]
        elif d.startswith("62"):
            d = "0" + d[2:]
        if spoken_words:
            return digits_words(d, "kosong").split()
        opts = [d, d[:4] + "-" + d[4:8] + "-" + d[8:], d[:4] + " " + d[4:8] + " " + d[8:],
                d[:3] + " " + d[3:7] + " " + d[7:]]
        return r.choice(opts).split()
    if kind == "hold":
        return r.choice(["please hold", "hold on", "mohon tunggu"]).split()
    if kind == "idpel":
        if spoken_words:
            return digits_words(val).split()
        return [val[:4], val[4:8], val[8:]] if r.random() < 0.5 else [val]
    return [val]


# ---------------------------------------------------------------- the call model
class Call:
    pass


def pick(r, seq):
    return seq[r.randrange(len(seq))]


def rfc(t):
    return t.isoformat(timespec="seconds")


class Writer:
    def __init__(self, n, seed, level, note_failures=False):
        self.note_failures = note_failures
        self.n = n
        self.seed = seed
        self.level = level
        self.r = random.Random(seed)
        self.rn = random.Random(seed * 7919 + level)  # noise stream, separate from labels
        self.used_numbers = set()
        self.used_phones = set()
        self.seq = {}

    # ---- identifiers
    def report_no(self, unit, day):
        key = (unit, day)
        self.seq[key] = self.seq.get(key, 100 + self.r.randrange(50)) + 1 + self.r.randrange(9)
        no = "K%s%s%03d" % (unit, day.strftime("%y%m%d"), self.seq[key] % 1000)
        while no in self.used_numbers:
            self.seq[key] += 1
            no = "K%s%s%03d" % (unit, day.strftime("%y%m%d"), self.seq[key] % 1000)
        self.used_numbers.add(no)
        return no

    def phone(self, kind):
        r = self.r
        while True:
            if kind == "mobile":
                p = "08" + pick(r, ["11", "12", "13", "21", "22", "52", "53", "57", "77",
                                    "78", "95", "96", "31", "38"]) + "".join(
                    str(r.randrange(10)) for _ in range(r.choice([7, 8])))
            else:
                area = pick(r, ["021", "031", "0411", "0274", "022"])
                p = area + "".join(str(r.randrange(10)) for _ in range(r.choice([7, 8]) if len(area) == 3 else 6))
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    # ---- scenario
    def plan(self):
        r = self.r
        n_days = max(2, int(math.ceil(self.n / 160.0)))
        day0 = dt.date(2026, 11, 16)
        self.days = [day0 + dt.timedelta(days=i) for i in range(n_days)]
        calls = []
        for i in range(self.n):
            c = Call()
            c.agent = pick(r, AGENTS)
            site = [s for s in SITES if s[0] == c.agent[2]][0]
            c.site = site
            c.tz = dt.timezone(dt.timedelta(hours=site[1]))
            day = pick(r, self.days)
            band = r.choices(["pagi", "siang", "sore", "malam"], [0.32, 0.3, 0.18, 0.2])[0]
            lo, hi = {"pagi": (4 * 60 + 20, 10 * 60 + 30), "siang": (11 * 60 + 20, 14 * 60 + 30),
                      "sore": (15 * 60 + 20, 17 * 60 + 30), "malam": (18 * 60 + 20, 27 * 60 + 30)}[band]
            if band == "pagi":
                lo = 6 * 60 + 30 if r.random() < 0.9 else lo
            if band == "malam":
                hi = 23 * 60 + 30 if r.random() < 0.85 else hi
            m = r.randrange(lo, hi)
            c.start = dt.datetime(day.year, day.month, day.day, tzinfo=c.tz) + \
                dt.timedelta(minutes=m, seconds=r.randrange(60))
            c.tod = tod_of(c.start)
            assert c.tod == band
            c.path = r.choices(PATHS, PATH_W)[0]
            c.gender = "m" if r.random() < 0.5 else "f"
            c.full = pick(r, MALE if c.gender == "m" else FEMALE)
            c.first = c.full.split()[0]
            if c.first in ("Hajjah",):
                c.first = c.full.split()[1]
            c.hon_formal = "Bapak" if c.gender == "m" else "Ibu"
            c.region = r.choices(["plain", "jawa", "betawi", "sunda"], [0.4, 0.25, 0.2, 0.15])[0]
            pk = r.random()
            c.phone_kind = "mobile" if pk < 0.68 else ("pstn" if pk < 0.9 else "withheld")
            c.caller_phone = "" if c.phone_kind == "withheld" else self.phone(
                "mobile" if c.phone_kind == "mobile" else "pstn")
            c.caller_number = c.caller_phone
            if c.phone_kind == "mobile":
                f = r.random()
                if f < 0.25:
                    c.caller_number = "+62" + c.caller_phone[1:]
                elif f < 0.32:
                    c.caller_number = "62" + c.caller_phone[1:]
            c.crm = c.phone_kind != "withheld" and r.random() < 0.25
            c.urgent = r.random() < 0.125
            c.near_urgent = (not c.urgent) and r.random() < 0.12
            c.eta_ask = r.random() < 0.35
            c.style = c.agent[4]
            c.call_id = None
            calls.append(c)
        calls.sort(key=lambda c: c.start.astimezone(dt.timezone.utc))
        for i, c in enumerate(calls):
            c.call_id = "W3-%s-%04d" % (c.start.strftime("%m%d"), i + 1)
        self.calls = calls

    def decide(self, c):
        """Fix the scenario and every label before any wording or noise."""
        r = self.r
        path = c.path
        c.fails = {}  # step -> kind
        c.reasons = {}
        clean = r.random() < 0.25
        c.clean = clean

        def maybe(step, p, kinds):
            if not clean and r.random() < p:
                c.fails[step] = pick(r, kinds)

        maybe("greeting", 0.08, ["wrong_time", "no_name", "no_pln", "no_time"])
        if path not in REPEATS:  # on repeats the report's name is read back: not generated
            maybe("caller_name", 0.11, ["omit", "near"])
        maybe("prior_report_question", 0.08, ["omit", "near"] if path not in REPEATS else ["no_id"])
        if path in REPEATS:
            maybe("data_verification", 0.13, ["name_only", "no_problem", "no_address", "omit"])
            maybe("status_update", 0.10, ["omit", "near"])
        maybe("empathy", 0.12, ["omit", "near"])
        maybe("phone_verification", 0.10,
              ["omit", "near", "near_pstn"] if c.phone_kind == "pstn" else ["omit", "near"])
        maybe("clarity_check", 0.12, ["omit", "near"])
        if c.eta_ask:
            maybe("eta_3x24", 0.25, ["other"])
        maybe("service_guarantee", 0.10, ["omit", "near"])
        maybe("closing", 0.12, ["no_campaign", "wrong_time", "no_thanks", "other_campaign"])

        # ---- prior report
        c.prior = None
        unit = pick(r, c.site[2])
        c.unit = unit
        if path in REPEATS:
            p = {}
            if path == "REPEAT_RESOLVED":
                age = dt.timedelta(hours=r.uniform(14, 24 * 25)) if r.random() < 0.8 else \
                    dt.timedelta(hours=r.uniform(1.5, 11))
                created = c.start - age
                resolved = created + (c.start - created) * r.uniform(0.2, 0.9)
                p["resolved_at"] = resolved
            elif path == "REPEAT_OPEN_LT12H":
                created = c.start - dt.timedelta(minutes=r.uniform(40, 11 * 60 + 15))
                p["resolved_at"] = None
            else:
                created = c.start - dt.timedelta(minutes=r.uniform(12 * 60 + 40, 24 * 60 * 6))
                p["resolved_at"] = None
            if p["resolved_at"] is None and r.random() < 0.1:
                p["resolved_later"] = c.start + dt.timedelta(hours=r.uniform(1, 20))
            p["created_at"] = created
            p["no"] = self.report_no(unit, created.date())
            prob = pick(r, PROBLEMS)
            p["category"] = prob[0]
            p["problem"] = prob[2]
            p["problem_say"] = prob[3]
            p["prob_caller"] = prob[1]
            same = r.random() < 0.72 and c.phone_kind == "mobile"
            p["phone"] = c.caller_phone if same else self.phone("mobile")
            if same and r.random() < 0.15:
                p["phone"] = "+62" + p["phone"][1:]
            p["phone_same"] = same
            p["name"] = c.full
            p["address"] = "%s No. %d, %s" % (pick(r, STREETS), r.randrange(1, 120), pick(r, AREAS))
            if path == "REPEAT_RESOLVED":
                p["unit_answer"] = pick(r, UNIT_ANSWERS_RESOLVED)
            else:
                p["unit_answer"] = pick(r, UNIT_ANSWERS_OPEN)
            p["escalated_at"] = None
            c.notice = False
            if path == "REPEAT_OPEN_GE12H" and not c.urgent:
                k = r.random()
                if k < 0.15:
                    p["escalated_at"] = created + dt.timedelta(hours=r.uniform(2, 11))
                    c.notice = r.random() < 0.6
                elif k < 0.27:
                    c.notice = True  # escalated by another channel, not in the export
            c.prior = p
        else:
            c.notice = False
        c.address = c.prior["address"] if c.prior else "%s No. %d, %s" % (
            pick(r, STREETS), r.randrange(1, 120), pick(r, AREAS))
        if path == "TUSBUNG_PAID":
            c.category = "TUSBUNG"
            c.prob_caller = pick(r, TUSBUNG_SAY)
            c.problem = TUSBUNG_PROBLEM[2]
        elif c.prior:
            c.category = c.prior["category"]
            c.prob_caller = c.prior["prob_caller"]
            c.problem = c.prior["problem"]
        else:
            prob = pick(r, PROBLEMS)
            c.category, c.prob_caller, c.problem = prob[0], prob[1], prob[2]
        if c.urgent:
            c.urgent_cue = pick(r, URGENT_CUES)
        elif c.near_urgent:
            c.urgent_cue = pick(r, NEAR_URGENT)
        else:
            c.urgent_cue = None

        # ---- APKT / SIMONE behaviour
        self.decide_actions(c, clean)

    def decide_actions(self, c, clean):
        r = self.r
        path = c.path
        c.apkt_kind = "ok"
        c.simone_kind = "ok"
        if not clean:
            a = r.random()
            if path in ("FIRST_REPORT", "TUSBUNG_PAID") and a < 0.06:
                c.apkt_kind = "no_create"
            elif path == "REPEAT_RESOLVED" and a < 0.07 and self.note_failures:
                c.apkt_kind = "no_ref"
            elif path == "REPEAT_OPEN_LT12H":
                if a < 0.05:
                    c.apkt_kind = "extra_create"
                elif a < 0.09:
                    c.apkt_kind = "extra_lapor_ulang"
                elif a < 0.14 and c.prior["phone_same"] and not c.prior.get("resolved_later"):
                    c.apkt_kind = "create_instead"  # prior found only through the phone
            elif path == "REPEAT_OPEN_GE12H":
                if not self.note_failures:
                    a = 0.08 + a * (1 - 0.08)  # same spread of the other kinds
                if a < 0.05 and self.note_failures:
                    c.apkt_kind = "note_no_cc"
                elif a < 0.08 and self.note_failures:
                    c.apkt_kind = "note_wrong_site"
                elif 0.08 <= a < 0.11:
                    c.apkt_kind = "update_instead"
                elif a < 0.14:
                    c.apkt_kind = "extra_create"
            s = r.random()
            if path in ("FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_OPEN_LT12H"):
                if c.urgent and s < 0.3:
                    c.simone_kind = pick(r, ["none", "wrong_type"])
                elif not c.urgent and (s < 0.04 or (c.near_urgent and s < 0.35)):
                    c.simone_kind = "extra"
            elif path == "REPEAT_RESOLVED":
                if s < 0.12:
                    c.simone_kind = pick(r, ["none", "wrong_type", "wrong_number"] +
                                         ([] if c.urgent else ["urgent_not_urgent"]))
            else:
                if s < 0.14:
                    ks = ["none", "wrong_type"]
                    if c.notice or c.prior["escalated_at"]:
                        ks += ["tmp_not_lu", "tmp_not_lu"]
                    else:
                        ks += ["lu_not_needed"]
                    if not c.urgent:
                        ks += ["double"]
                    c.simone_kind = pick(r, ks)
        if c.apkt_kind == "no_create":
            # no new number to escalate on: an urgent call then simply lacks its URGENT
            c.simone_kind = "none" if c.urgent else "ok"
        c.esc_choice_urgent = c.urgent and r.random() < 0.7  # urgent repeat: URGENT vs normal

    # ---- labels
    def labels(self, c):
        L = {}
        f = c.fails
        rs = c.reasons
        path = c.path
        rep = path in REPEATS

        def put(step, ok, why=""):
            L[step] = "PASS" if ok else "FAIL"
            if not ok:
                rs[step] = why

        put("greeting", "greeting" not in f, "greeting: %s" % f.get("greeting"))
        put("caller_name", "caller_name" not in f, "caller name: %s" % f.get("caller_name"))
        put("prior_report_question", "prior_report_question" not in f,
            "prior report question: %s" % f.get("prior_report_question"))
        dv_fail = "data_verification" in f or c.apkt_kind == "create_instead"
        if rep:
            put("data_verification", not dv_fail,
                "data verification: %s" % (f.get("data_verification") or "prior not looked up"))
            su_fail = "status_update" in f or c.apkt_kind == "create_instead"
            put("status_update", not su_fail,
                "status update: %s" % (f.get("status_update") or "prior not looked up"))
        else:
            L["data_verification"] = "NA"
            L["status_update"] = "NA"
        put("empathy", "empathy" not in f, "empathy: %s" % f.get("empathy"))
        put("phone_verification", "phone_verification" not in f,
            "phone verification (%s): %s" % (c.phone_kind, f.get("phone_verification")))
        put("apkt_action", c.apkt_kind == "ok", "APKT: %s" % c.apkt_kind)
        if path == "REPEAT_RESOLVED":
            put("apkt_note", c.apkt_kind != "no_ref", "note/ref does not name prior")
        elif path == "REPEAT_OPEN_GE12H":
            put("apkt_note", c.apkt_kind not in ("note_no_cc", "note_wrong_site", "update_instead"),
                "lapor_ulang note lacks CC.site.NAME: %s" % c.apkt_kind)
        elif path == "REPEAT_OPEN_LT12H":
            put("apkt_note", c.apkt_kind != "create_instead", "no update note")
        else:
            L["apkt_note"] = "NA"
        put("simone_escalation", c.simone_kind == "ok", "SIMONE: %s" % c.simone_kind)
        put("clarity_check", "clarity_check" not in f, "clarity: %s" % f.get("clarity_check"))
        if c.eta_ask:
            put("eta_3x24", "eta_3x24" not in f, "ETA other than 3x24")
        else:
            L["eta_3x24"] = "NA"
        put("service_guarantee", "service_guarantee" not in f,
            "guarantee: %s" % f.get("service_guarantee"))
        tk_fail = c.ticket_kind != "ok"
        put("ticket_number", not tk_fail, "ticket: %s" % c.ticket_kind)
        put("closing", "closing" not in f, "closing: %s" % f.get("closing"))
        L["forbidden_phrases"] = "PASS"
        return L

    # ---- actions
    def actions(self, c, t_search, t_main, t_esc):
        r = self.r
        acts = []
        path = c.path
        P = c.prior
        ag = c.agent[1].upper()
        site = c.agent[2]

        def add(t, system, action, report_no="", ref="", cat="", esc="", note=""):
            acts.append({"call_id": c.call_id, "at": c.start + dt.timedelta(seconds=t),
                         "system": system, "action": action, "report_no": report_no,
                         "ref_report_no": ref, "category": cat, "escalation_type": esc,
                         "note": note})

        c.new_no = None
        want_new = path in ("FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_RESOLVED") or \
            c.apkt_kind in ("extra_create", "create_instead")
        if want_new and c.apkt_kind != "no_create":
            c.new_no = self.report_no(c.unit, c.start.date())
        hp = c.caller_phone if c.phone_kind == "mobile" else c.given_mobile
        hp_note = (" HP %s" % hp) if hp else ""
        if P and c.apkt_kind != "create_instead":
            if path == "REPEAT_RESOLVED" or r.random() < 0.85:
                add(t_search, "APKT", "search", P["no"])
        if path in ("FIRST_REPORT", "TUSBUNG_PAID"):
            if c.apkt_kind == "no_create":
                if r.random() < 0.5:
                    add(t_search, "APKT", "search", "", note="cari idpel")
            else:
                note = "%s, PLG %s%s" % (c.problem, c.full.upper(), hp_note)
                if path == "TUSBUNG_PAID":
                    note = "PLG SUDAH BAYAR, MINTA SAMBUNG KEMBALI, %s%s" % (c.full.upper(), hp_note)
                add(t_main, "APKT", "create", c.new_no, "", c.category, "", note)
        elif path == "REPEAT_RESOLVED":
            if c.apkt_kind == "no_ref":
                add(t_main, "APKT", "create", c.new_no, "", c.category, "",
                    "%s LAGI, PLG %s%s" % (P["problem"], c.full.upper(), hp_note))
            else:
                v = r.random()
                if v < 0.4:
                    add(t_main, "APKT", "create", c.new_no, P["no"], c.category, "",
                        "%s LAGI%s" % (P["problem"], hp_note))
                elif v < 0.75:
                    add(t_main, "APKT", "create", c.new_no, "", c.category, "",
                        "%s LAPORAN TERKAIT K: %s" % (P["problem"], P["no"][1:]))
                else:
                    add(t_main, "APKT", "create", c.new_no, P["no"], c.category, "",
                        "%s, LAPORAN TERKAIT %s" % (P["problem"], P["no"]))
        elif path == "REPEAT_OPEN_LT12H":
            if c.apkt_kind == "create_instead":
                add(t_main, "APKT", "create", c.new_no, "", c.category, "",
                    "%s, PLG %s%s" % (P["problem"], c.full.upper(), hp_note))
            else:
                add(t_main, "APKT", "update", P["no"], "", "", "",
                    pick(r, ["PELANGGAN MENGHUBUNGI KEMBALI, %s MASIH TERJADI%s",
                             "PLG TELP LAGI, %s BELUM DITANGANI%s",
                             "KONFIRMASI ULANG: %s%s"]) % (P["problem"], hp_note))
                if c.apkt_kind == "extra_create":
                    add(t_main + 40, "APKT", "create", c.new_no, "", c.category, "",
                        "%s%s" % (P["problem"], hp_note))
                elif c.apkt_kind == "extra_lapor_ulang":
                    add(t_main + 30, "APKT", "lapor_ulang", P["no"], "", "", "",
                        "PELANGGAN MENGHUBUNGI KEMBALI, CC.%s.%s" % (site, ag))
        else:  # GE12H
            cc = "CC.%s.%s" % (site, ag)
            if c.apkt_kind == "note_wrong_site":
                other = pick(r, [s[0] for s in SITES if s[0] != site])
                cc = pick(r, ["CC.%s.%s" % (other, ag),
                              "CC.%s.%s" % (site, pick(r, [a[1].upper() for a in AGENTS if a[1].upper() != ag]))])
            if c.apkt_kind == "update_instead":
                add(t_main, "APKT", "update", P["no"], "", "", "",
                    "PELANGGAN MENGHUBUNGI KEMBALI, MENUNGGU KONFIRMASI PETUGAS")
            else:
                if c.apkt_kind == "note_no_cc":
                    note = pick(r, ["PELANGGAN MENGHUBUNGI KEMBALI, MENUNGGU KONFIRMASI PETUGAS",
                                    "PLG TELP ULANG, %s BELUM DITANGANI" % P["problem"]])
                else:
                    note = pick(r, ["PELANGGAN MENGHUBUNGI KEMBALI, MENUNGGU KONFIRMASI PETUGAS, %s",
                                    "PLG LAPOR ULANG, %s BELUM DITANGANI%s, %%s" % (P["problem"], hp_note),
                                    "%s PELANGGAN MENANYAKAN PROGRES"]) % cc
                add(t_main, "APKT", "lapor_ulang", P["no"], "", "", "", note)
                if c.apkt_kind == "extra_create":
                    add(t_main + 45, "APKT", "create", c.new_no, "", c.category, "",
                        "%s%s" % (P["problem"], hp_note))

        # SIMONE
        sk = c.simone_kind
        te = t_esc
        if path in ("FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_OPEN_LT12H"):
            target = P["no"] if path == "REPEAT_OPEN_LT12H" else c.new_no
            if target is None:
                target = P["no"] if P else ""
            if c.urgent and sk == "ok":
                add(te, "SIMONE", "escalate", target, esc="URGENT", note=c.urgent_note)
            elif c.urgent and sk == "wrong_type":
                add(te, "SIMONE", "escalate", target,
                    esc="MELEBIHI_TMP" if path == "REPEAT_OPEN_LT12H" else "TIDAK_SEMESTINYA")
            elif sk == "extra":
                if path == "REPEAT_OPEN_LT12H":
                    add(te, "SIMONE", "escalate", target, esc=pick(r, ["MELEBIHI_TMP", "URGENT"]))
                else:
                    add(te, "SIMONE", "escalate", target, esc=pick(r, ["URGENT", "TIDAK_SEMESTINYA"]))
        elif path == "REPEAT_RESOLVED":
            good = "URGENT" if c.esc_choice_urgent else "TIDAK_SEMESTINYA"
            if sk == "ok":
                add(te, "SIMONE", "escalate", c.new_no, esc=good)
            elif sk == "wrong_type":
                add(te, "SIMONE", "escalate", c.new_no, esc=pick(r, ["MELEBIHI_TMP", "LAPOR_ULANG"]))
            elif sk == "wrong_number":
                add(te, "SIMONE", "escalate", P["no"], esc=good)
            elif sk == "urgent_not_urgent":
                add(te, "SIMONE", "escalate", c.new_no, esc="URGENT")
        else:
            need_lu = c.notice or P["escalated_at"] is not None
            if c.notice and sk not in ("lu_not_needed",):
                add(te - 8, "SIMONE", "notice", P["no"], note=NOTICE_TEXT)
            if need_lu:
                good = "LAPOR_ULANG"
            else:
                good = "URGENT" if c.esc_choice_urgent else "MELEBIHI_TMP"
            if sk == "ok":
                add(te, "SIMONE", "escalate", P["no"], esc=good)
            elif sk == "wrong_type":
                add(te, "SIMONE", "escalate", P["no"], esc="TIDAK_SEMESTINYA")
            elif sk == "tmp_not_lu":
                add(te, "SIMONE", "escalate", P["no"], esc="MELEBIHI_TMP")
            elif sk == "lu_not_needed":
                add(te, "SIMONE", "escalate", P["no"], esc="LAPOR_ULANG")
            elif sk == "double":
                add(te, "SIMONE", "escalate", P["no"], esc=good)
                add(te + 20, "SIMONE", "escalate", P["no"], esc="URGENT")
        return acts

    # ---- dialogue
    def dialogue(self, c):
        """Clean dialogue: list of [role, text, step_tag, gap_before_seconds]."""
        r = self.r
        f = c.fails
        path = c.path
        P = c.prior
        turns = []
        S = c.hon_formal
        name_ok = "caller_name" not in f
        N = c.first if name_ok else ""
        W = c.tod
        X = pick(r, [t for t in TODS if t != W])
        A = c.agent[1]

        def fill(tpl, **kw):
            d = dict(S=S, N=N, W=W, X=X, A=A, PROB=c.prob_caller)
            if P:
                d.update(RN=P["name"], AD=P["address"], PR=P["problem_say"],
                         UA=P["unit_answer"], DT="%d %s" % (
                             P.get("resolved_at").day if P.get("resolved_at") else 1,
                             ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                              "Agustus", "September", "Oktober", "November", "Desember"][
                                 (P.get("resolved_at") or c.start).month - 1]))
            d.update(kw)
            out = tpl
            for k, v in d.items():
                out = out.replace("{" + k + "}", v)
            out = out.replace("  ", " ").replace(" ,", ",").replace(" ?", "?").replace(" .", ".")
            return out

        def agent(tpl, tag, gap=None, **kw):
            items = tpl if isinstance(tpl, list) else [tpl]
            for k, it in enumerate(items):
                if k > 0:
                    turns.append(["caller", pick(r, CALLER_CONFIRM if tag == "data_verification"
                                                 else BACKCHANNEL), "", 0.4])
                turns.append(["agent", fill(it, **kw), tag, gap if (gap is not None and k == 0)
                              else r.uniform(0.3, 1.2)])

        agh = "Mas" if c.agent[1] in MALE_AGENTS else "Mbak"

        def caller(txt, tag="", gap=None):
            txt = replace_word(replace_word(fill(txt), "Mbak", agh), "Mas", agh)
            turns.append(["caller", txt, tag, gap if gap is not None else r.uniform(0.3, 1.0)])

        # 1 greeting
        if r.random() < 0.08:
            caller(pick(r, ["Halo?", "Halo, PLN?"]), gap=0.2)
        g = f.get("greeting")
        agent(pick(r, GREET_FAIL[g]) if g else pick(r, GREET_PASS), "greeting", gap=r.uniform(0.3, 2.5))
        # caller opens
        if path == "REPEAT_RESOLVED":
            caller(pick(r, CALLER_OPEN_REPEAT_RES))
        elif path in REPEATS:
            caller(pick(r, CALLER_OPEN_REPEAT))
        else:
            caller(pick(r, CALLER_OPEN))
        # 2 caller name
        cn = f.get("caller_name")
        if c.crm:
            if not cn:
                agent(pick(r, CRM_ADDRESS), "caller_name")
            else:
                agent(pick(r, NAME_FAIL_NEAR if cn == "near" else ["Baik, silakan, {S}."]), "")
                if cn == "near" and "alamat" in turns[-1][1]:
                    caller(pick(r, CALLER_ADDR), gap=0.5)
                    turns[-1][1] = fill(turns[-1][1], AD=c.address)
        else:
            if not cn:
                agent(pick(r, ASK_NAME), "caller_name")
                caller(pick(r, CALLER_GIVES_NAME).replace("{FN}", c.first).replace(
                    "{FULL}", c.full).replace("{S2}", c.hon_formal))
                if r.random() < 0.5:
                    agent(pick(r, ["Baik, {S} {N}.", "Iya, {S} {N}, baik.", "Oke, {S} {N}."]), "")
            elif cn == "near":
                agent(pick(r, NAME_FAIL_NEAR), "")
                if "alamat" in turns[-1][1]:
                    caller(fill(pick(r, CALLER_ADDR), AD=c.address))
                else:
                    caller(pick(r, ["Dari %s, Mbak." % c.address.split(", ")[-1], "Iya."]))
        # urgency / near-urgency cue from the caller (early or mid call)
        cue_early = c.urgent_cue and r.random() < 0.5
        if cue_early:
            caller(c.urgent_cue + ".")
        # 3 prior report question
        pq = f.get("prior_report_question")
        if pq == "near":
            agent(pick(r, PRIOR_Q_NEAR), "")
            caller(pick(r, ["Belum, Mbak.", "Udah sih, tapi jarang dipakai.", "Belum punya."]))
        elif pq == "omit":
            pass
        else:
            agent(pick(r, PRIOR_Q), "prior_report_question")
            if path in REPEATS:
                caller(pick(r, CALLER_YES))
                if pq == "no_id":
                    agent(pick(r, ["Baik, saya cari dulu berdasarkan nama {S} ya.",
                                   "Oke, saya cari dulu di sistem ya, {S}.",
                                   "Baik, saya cek dulu, mohon ditunggu."]), "")
                else:
                    agent(pick(r, PRIOR_ID_ASK), "prior_report_question")
                    v = r.random()
                    if v < 0.5 or c.apkt_kind == "create_instead":
                        if c.apkt_kind == "create_instead":
                            caller(pick(r, ["Waduh, nomornya lupa, Mbak.", "Nggak nyatet, Mas."]))
                        else:
                            caller("Nomornya «pr», Mbak.")
                    elif v < 0.8:
                        caller("Waktu itu pakai nomor «phone:%s»." % (P["phone"]))
                    else:
                        caller("ID pelanggannya «idpel:%s»." % c.idpel)
            else:
                caller(pick(r, CALLER_NO))
        if path in ("FIRST_REPORT", "TUSBUNG_PAID"):
            agent(pick(r, ASK_ADDR), "")
            caller(fill(pick(r, CALLER_ADDR), AD=c.address))
        # 4 data verification
        if path in REPEATS and c.apkt_kind != "create_instead":
            if r.random() < 0.6:
                agent(pick(r, ["Baik, mohon ditunggu, saya cek laporannya.",
                               "Sebentar ya, {S}, saya cari dulu datanya."]), "")
            dv = f.get("data_verification")
            if dv == "omit":
                pass
            else:
                tpl = pick(r, VERIFY_FAIL[dv]) if dv else pick(r, VERIFY_PASS)
                agent(tpl, "data_verification")
                caller(pick(r, CALLER_CONFIRM))
        elif c.apkt_kind == "create_instead":
            agent("Baik, kalau begitu saya buatkan laporan baru saja ya, {S}.", "")
            caller(pick(r, BACKCHANNEL))
        # 5 empathy
        em = f.get("empathy")
        if em == "near":
            agent(pick(r, EMPATHY_NEAR), "")
            if turns[-1][1].endswith("?"):
                caller(pick(r, ["Iya.", "Tadi sudah saya bilang, Mbak.", "Itu tadi, Mas."]))
        elif not em:
            bank = EMPATHY_PASS + (EMPATHY_PASS_REPEAT if path in REPEATS else [])
            agent(pick(r, bank), "empathy")
        # 6 status update
        if path in REPEATS and c.apkt_kind != "create_instead":
            su = f.get("status_update")
            if su == "near":
                agent(pick(r, STATUS_NEAR), "")
            elif not su:
                if path == "REPEAT_RESOLVED":
                    agent(pick(r, STATUS_RESOLVED), "status_update")
                elif P["unit_answer"]:
                    agent(pick(r, STATUS_OPEN_ANS), "status_update")
                else:
                    agent(pick(r, STATUS_OPEN_NOANS), "status_update")
            if su != "omit":
                caller(pick(r, ["Oh gitu.", "Lho, kok begitu?", "Iya, tapi sekarang masih bermasalah.",
                                "Hmm, ya sudah.", "Terus gimana, Mbak?"]))
        if c.urgent_cue and not cue_early:
            caller(c.urgent_cue + ".")
            if c.urgent and not f.get("empathy") and r.random() < 0.5:
                agent(pick(r, ["Baik, {S}, kami pahami kondisinya.", "Iya {S}, saya catat kondisinya."]), "")
        # 7 phone verification
        pv = f.get("phone_verification")
        if pv == "near":
            agent(pick(r, PHONE_NEAR), "")
            caller(pick(r, ["Nggak ada, Mbak.", "Dekat masjid, Mas.", "Ada, tapi jarang dibuka."]))
        elif pv == "near_pstn":
            agent(pick(r, PHONE_NEAR_PSTN), "")
            caller(pick(r, ["Bisa, Mbak.", "Bisa, saya di rumah terus."]))
        elif pv == "omit":
            pass
        else:
            if c.phone_kind == "mobile":
                agent(pick(r, PHONE_MOBILE), "phone_verification", PH=c.caller_number)
                if r.random() < 0.15:
                    caller("Wah, ini HP kantor, Mbak. Pakai nomor «phone:%s» saja." % c.given_mobile)
                    agent("Baik, nomor lainnya «phone:%s» ya, {S}." % c.given_mobile, "")
                else:
                    caller(pick(r, ["Bisa, Mbak.", "Bisa, aktif kok.", "Iya bisa.", "Bisa, Mas, nomor ini."]))
            else:
                agent(pick(r, PHONE_PSTN if c.phone_kind == "pstn" else PHONE_WITHHELD),
                      "phone_verification")
                caller("Nomornya «phone:%s»." % c.given_mobile)
                if r.random() < 0.5:
                    agent("Saya ulangi, «phone:%s», betul?" % c.given_mobile, "")
                    caller(pick(r, CALLER_CONFIRM))
        # hold: the APKT / SIMONE work happens here
        agent(pick(r, HOLD), "hold")
        hold_len = r.uniform(20, 110)
        agent(pick(r, HOLD_BACK), "", gap=hold_len)
        # 8 guarantee, ticket, ETA, clarity (order varies)
        blocks = []
        sg = f.get("service_guarantee")
        if sg == "near":
            blocks.append(("", pick(r, GUAR_NEAR)))
        elif not sg:
            blocks.append(("service_guarantee", pick(r, GUAR_PASS)))
        # ticket
        tk_tpls = []
        if c.ticket_kind == "ok":
            if path in ("FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_RESOLVED"):
                tk_tpls.append(("ticket_number", pick(r, TICKET_NEW)))
                if path == "REPEAT_RESOLVED":
                    tk_tpls.append(("ticket_number", pick(r, TICKET_LINK)))
            else:
                tk_tpls.append(("ticket_number", pick(r, TICKET_OPEN)))
        elif c.ticket_kind == "near":
            if path == "REPEAT_RESOLVED" and r.random() < 0.5:
                tk_tpls.append(("", pick(r, TICKET_NEAR_RESOLVED_OLD)))
            else:
                tk_tpls.append(("", pick(r, TICKET_NEAR_NEW)))
        elif c.ticket_kind == "new_on_open":
            tk_tpls.append(("", pick(r, TICKET_NEW)))
        if r.random() < 0.5:
            blocks = blocks + tk_tpls
        else:
            blocks = tk_tpls + blocks
        for tag, tpl in blocks:
            agent(tpl, tag)
            if r.random() < 0.4:
                caller(pick(r, BACKCHANNEL + ["Sebentar, saya catat dulu.", "Oke, sudah saya catat."]))
        if not c.eta_ask and "eta_3x24" not in f and r.random() < 0.1:
            agent(ETA_PROACTIVE, "")  # said without being asked: NA
        elif not c.eta_ask and r.random() < 0.25:
            caller(pick(r, NONASK_COMPLAINT))
        # clarity, ETA question may come before or after
        eta_first = r.random() < 0.5

        def eta():
            caller(pick(r, ETA_ASK), "eta_ask")
            if "eta_3x24" in f:
                agent(pick(r, ETA_FAIL), "")
            else:
                agent(pick(r, ETA_PASS), "eta_3x24")
            caller(pick(r, ["Oh, gitu.", "Ya sudah, saya tunggu.", "Lama juga ya.", "Oke, Mbak."]))

        if c.eta_ask and eta_first:
            eta()
        cl = f.get("clarity_check")
        if cl == "near":
            agent(pick(r, CLARITY_NEAR), "")
            caller(pick(r, ["Iya, masih.", "Masih, Mbak."]))
        elif not cl:
            agent(pick(r, CLARITY_PASS), "clarity_check")
            caller(pick(r, CALLER_CLEAR))
        if c.eta_ask and not eta_first:
            eta()
        # closing
        clo = f.get("closing")
        agent(pick(r, CLOSE_FAIL[clo]) if clo else pick(r, CLOSE_PASS), "closing")
        if r.random() < 0.75:
            caller(pick(r, CALLER_BYE))
        return turns

    def build(self):
        self.plan()
        r = self.r
        for c in self.calls:
            self.decide(c)
            c.idpel = "".join(str(r.randrange(10)) for _ in range(12))
            c.given_mobile = self.phone("mobile")
            # ticket
            c.ticket_kind = "ok"
            if c.apkt_kind == "no_create":
                c.ticket_kind = "near"
            elif c.apkt_kind == "create_instead":
                c.ticket_kind = "new_on_open"
            elif not c.clean and r.random() < 0.08:
                c.ticket_kind = pick(r, ["omit", "near"])
            c.urgent_note = "URGENT: " + (URGENT_NOTES[URGENT_CUES.index(c.urgent_cue)]
                                          if c.urgent else "")
            c.turns = self.dialogue(c)
            self.time_turns(c)
            c.labels = self.labels(c)
            c.acts = self.actions(c, c.t_search, c.t_main, c.t_esc)
            # new-number readouts now that numbers exist
            for t in c.turns:
                t[1] = t[1].replace("«tk»", "«tk:%s»" % (c.new_no or "")).replace(
                    "«pr»", "«pr:%s»" % (c.prior["no"] if c.prior else ""))
            assert not (c.ticket_kind == "ok" and c.path in ("FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_RESOLVED")
                        and not c.new_no)

    def time_turns(self, c):
        r = self.r
        t = 0.0
        for tr in c.turns:
            gap = tr[3]
            words = len(tr[1].split())
            start = t + gap
            dur = words * r.uniform(0.28, 0.4) + 0.3
            tr[3] = round(start, 2)
            tr.append(round(start + dur, 2))
            t = start + dur
        c.duration = t + r.uniform(1, 4)
        # action times: search after the prior exchange, main action during the hold
        hold = [tr for tr in c.turns if tr[2] == "hold"][0]
        pq = [tr for tr in c.turns if tr[2] == "prior_report_question"]
        c.t_search = (pq[-1][4] + 6) if pq else hold[3] - 3
        hold_end = [i for i, tr in enumerate(c.turns) if tr[2] == "hold"][0]
        back = c.turns[hold_end + 1][3]
        c.t_main = hold[4] + (back - hold[4]) * 0.35
        c.t_esc = hold[4] + (back - hold[4]) * 0.8
        if c.t_search >= c.t_main:
            c.t_search = c.t_main - 5


# ---------------------------------------------------------------- rendering to engines
class Renderer:
    def __init__(self, rng, level):
        self.r = rng
        self.level = level
        self.noise = Noise(rng, level)

    def prepare(self, c):
        """Noisy recognised turns: list of dict(role, start, end, words=[(w, conf)])."""
        r = self.r
        L = self.level
        names = {}
        if L >= 2:
            for nm in (c.first,):
                if nm in NAME_MISHEAR and not c.crm:
                    names[nm] = NAME_MISHEAR[nm]
            if L >= 3 and c.agent[1] in AGENT_MISHEAR:
                names[c.agent[1]] = AGENT_MISHEAR[c.agent[1]]
        spoken = c.engine in ("azure_lex",)
        out = []
        region = c.region
        for idx, (role, text, tag, start, end) in enumerate(c.turns):
            text = self.register(c, role, text, tag)
            # protected spans -> \x01 tokens
            rendered = []
            for piece in split_protected(text):
                if isinstance(piece, tuple):
                    kind, val = piece
                    words_ = render_protected(kind, val, r, L, spoken and kind != "tod")
                    rendered.append("\x01" + "\x02".join(words_))
                else:
                    rendered.append(piece)
            txt = " ".join(x.strip() for x in rendered if x.strip())
            # punctuation directly after a protected span: glue to its last word
            txt = txt.replace(" ,", ",").replace(" .", ".").replace(" ?", "?")
            ws = self.noise.words(txt, role, names)
            flat = []
            for w, p, prot in ws:
                for piece in w.replace("\x01", "").replace("\x02", " ").split():
                    flat.append((piece, p, prot))
            if not flat:
                continue
            out.append({"role": role, "start": start, "end": end, "words": flat, "tag": tag})
        out = self.segment_noise(out, c)
        # word timings and confidences
        base = {1: 0.955, 2: 0.925, 3: 0.885}[L]
        for t in out:
            n = len(t["words"])
            span = max(0.3, t["end"] - t["start"])
            step = span / n
            ww = []
            for k, (w, pen, _prot) in enumerate(t["words"]):
                s0 = t["start"] + k * step
                conf = min(0.999, max(0.3, r.gauss(base, 0.035) - pen * r.uniform(0.6, 1.2)))
                ww.append({"w": w, "s": round(s0, 3), "e": round(s0 + step * 0.92, 3),
                           "c": round(conf, 4)})
            t["ww"] = ww
        return out

    def register(self, c, role, text, tag):
        r = self.r
        if role == "agent" and c.style in ("casual", "terse", "jawa") and tag != "greeting":
            for a, b in CASUAL:
                if a in ("Bapak", "Ibu"):
                    text = vocative_short(text, a, b)
                else:
                    text = replace_word(text, a, b)
            if c.style == "jawa" and tag in ("", "caller_name") and r.random() < 0.3 \
                    and not text.startswith("«"):
                text = "Monggo, " + text[0].lower() + text[1:]
            elif c.style == "jawa" and r.random() < 0.25:
                text = text.rstrip(".?") + (", nggih." if text.endswith(".") else ", nggih?")
            if c.style == "casual" and r.random() < 0.12:
                text = "Oke, " + text[0].lower() + text[1:]
        if role == "agent" and c.style == "wordy" and tag in ("empathy", "service_guarantee") \
                and r.random() < 0.5:
            text = text + " " + pick(r, ["Kami pahami kondisinya, {S}.".replace(
                "{S}", c.hon_formal), "Terima kasih atas kesabarannya."])
        if role == "caller" and r.random() < 0.35 and not text.endswith("»"):
            part = pick(r, REGION_PARTICLES[c.region])
            end = text[-1] if text[-1] in ".?!" else "."
            text = text.rstrip(".?!") + " " + part + end
            if c.region == "jawa" and r.random() < 0.2 and not text.startswith("«"):
                text = "Nggih, " + text[0].lower() + text[1:]
        return text

    def segment_noise(self, turns, c):
        """Segment breaks mid-sentence, caller backchannels inside an agent step."""
        r = self.r
        nz = self.noise
        out = []
        first_agent_done = False
        for t in turns:
            n = len(t["words"])
            is_first_agent = t["role"] == "agent" and not first_agent_done
            if t["role"] == "agent":
                first_agent_done = True
            if n >= 7 and r.random() < nz.p_seg + (nz.p_back if (t["role"] == "agent" and not is_first_agent) else 0):
                cuts = [k for k in range(3, n - 2)
                        if not (t["words"][k][2] and t["words"][k - 1][2])]
                if not cuts:
                    out.append(t)
                    continue
                cut = pick(r, cuts)
                a = dict(t, words=t["words"][:cut])
                b = dict(t, words=t["words"][cut:])
                mid = t["start"] + (t["end"] - t["start"]) * cut / n
                a["end"] = round(mid, 2)
                back = t["role"] == "agent" and not is_first_agent and r.random() < nz.p_back / max(1e-9, nz.p_seg + nz.p_back)
                if back:
                    bc = {"role": "caller", "start": round(mid + 0.05, 2), "end": round(mid + 0.5, 2),
                          "words": [(pick(r, ["iya", "hm-hm", "oke", "hmm", "ya"]), 0.2, False)],
                          "tag": ""}
                    b["start"] = round(mid + 0.6, 2)
                    b["end"] = round(t["end"] + 0.6, 2)
                    out += [a, bc, b]
                else:
                    b["start"] = round(mid + 0.1, 2)
                    out += [a, b]
            else:
                out.append(t)
        # keep times monotonic
        last = 0.0
        for t in out:
            if t["start"] < last:
                d = last - t["start"] + 0.05
                t["start"] = round(t["start"] + d, 2)
                t["end"] = round(t["end"] + d, 2)
            if t["end"] <= t["start"]:
                t["end"] = round(t["start"] + 0.3, 2)
            last = t["end"]
        return out


def vocative_short(text, a, b):
    """Casual agents shorten Bapak/Ibu to Pak/Bu when it is a form of address (before a
    name or at the end of a clause), not where it stands for "you"."""
    toks = text.split(" ")
    for i, tk in enumerate(toks):
        core = tk.rstrip(".,?!")
        if core != a:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if tk != core or (nxt[:1].isupper() and not nxt.startswith("«")) or nxt == "":
            toks[i] = b + tk[len(core):]
    return " ".join(toks)


def replace_word(text, a, b):
    toks = text.split(" ")
    for i, tk in enumerate(toks):
        core = tk.rstrip(".,?!")
        if core == a:
            toks[i] = b + tk[len(core):]
    return " ".join(toks)


def split_protected(text):
    out = []
    while "«" in text:
        i = text.index("«")
        j = text.index("»", i)
        out.append(text[:i])
        body = text[i + 1:j]
        if ":" in body:
            k, v = body.split(":", 1)
        else:
            k, v = body, ""
        out.append((k, v))
        text = text[j + 1:]
    out.append(text)
    return out


def sentence_case(words):
    """Whisper-style text from word list (words already carry punctuation)."""
    return " ".join(words)


def plain(words):
    return " ".join(w.strip(".,?!;:").lower() for w in words if w.strip(".,?!;:"))


# ---- engine writers
def w_whisper(c, turns, r, label_of):
    segs = []
    tid = 0
    alltext = []
    for t in turns:
        chunk = [t["ww"]]
        if len(t["ww"]) > 18:
            k = len(t["ww"]) // 2
            chunk = [t["ww"][:k], t["ww"][k:]]
        for ww in chunk:
            text = " " + " ".join(w["w"] for w in ww)
            lp = sum(math.log(max(1e-6, w["c"])) for w in ww) / len(ww)
            seg = {"id": tid, "seek": int(ww[0]["s"] * 100) // 3000 * 3000, "start": ww[0]["s"],
                   "end": ww[-1]["e"], "text": text,
                   "tokens": [50364 + r.randrange(1, 1500) for _ in range(min(12, len(ww) + 2))],
                   "temperature": 0.0 if lp > -0.5 else 0.2, "avg_logprob": round(lp, 6),
                   "compression_ratio": round(r.uniform(1.15, 1.75), 6),
                   "no_speech_prob": round(r.uniform(0.001, 0.06), 6),
                   "speaker": label_of(t["role"]),
                   "words": [{"word": " " + w["w"], "start": w["s"], "end": w["e"],
                              "probability": w["c"]} for w in ww]}
            segs.append(seg)
            alltext.append(text)
            tid += 1
    return json.dumps({"text": "".join(alltext), "segments": segs, "language": "id"},
                      ensure_ascii=False, indent=1)


def w_deepgram(c, turns, r, label_of, utter=True):
    words = []
    utts = []
    paras = []
    for t in turns:
        spk = label_of(t["role"])
        uw = []
        for w in t["ww"]:
            d = {"word": w["w"].strip(".,?!;:").lower() or w["w"], "start": w["s"], "end": w["e"],
                 "confidence": w["c"], "speaker": spk,
                 "speaker_confidence": round(r.uniform(0.4, 0.95), 4), "punctuated_word": w["w"]}
            words.append(d)
            uw.append(d)
        txt = " ".join(w["w"] for w in t["ww"])
        utts.append({"start": t["ww"][0]["s"], "end": t["ww"][-1]["e"],
                     "confidence": round(sum(w["c"] for w in t["ww"]) / len(t["ww"]), 4),
                     "channel": 0, "transcript": txt, "words": uw, "speaker": spk,
                     "id": str(uuid.UUID(int=r.getrandbits(128)))})
        paras.append({"sentences": [{"text": txt, "start": t["ww"][0]["s"], "end": t["ww"][-1]["e"]}],
                      "speaker": spk, "num_words": len(uw), "start": t["ww"][0]["s"],
                      "end": t["ww"][-1]["e"]})
    full = " ".join(u["transcript"] for u in utts)
    mid = str(uuid.UUID(int=r.getrandbits(128)))
    res = {"metadata": {"transaction_key": "deprecated",
                        "request_id": str(uuid.UUID(int=r.getrandbits(128))),
                        "sha256": hashlib.sha256(c.call_id.encode()).hexdigest(),
                        "created": (c.start + dt.timedelta(hours=6)).astimezone(dt.timezone.utc)
                        .strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                        "duration": round(c.duration, 3), "channels": 1, "models": [mid],
                        "model_info": {mid: {"name": "general-nova-3", "version": "2025-01-13.0",
                                             "arch": "nova-3"}}},
           "results": {"channels": [{"alternatives": [{
               "transcript": full,
               "confidence": round(sum(w["confidence"] for w in words) / len(words), 6),
               "words": words,
               "paragraphs": {"transcript": "".join("\n\nSpeaker %d: %s" % (p["speaker"], p["sentences"][0]["text"]) for p in paras),
                              "paragraphs": paras}}], "detected_language": "id",
               "language_confidence": round(r.uniform(0.8, 0.99), 4)}]}}
    if utter:
        res["results"]["utterances"] = utts
    return json.dumps(res, ensure_ascii=False)


def iso_dur(s):
    return "PT%gS" % round(s, 2)


def w_azure(c, turns, r, label_of):
    phrases = []
    for t in turns:
        disp = " ".join(w["w"] for w in t["ww"])
        disp = disp[0].upper() + disp[1:]
        if disp[-1] not in ".?!":
            disp += "."
        lex = lexicalize(disp)
        s0, e0 = t["ww"][0]["s"], t["ww"][-1]["e"]
        phrases.append({
            "recognitionStatus": "Success", "channel": 0, "speaker": label_of(t["role"]),
            "offset": iso_dur(s0), "duration": iso_dur(e0 - s0),
            "offsetInTicks": float(round(s0 * 1e7)), "durationInTicks": float(round((e0 - s0) * 1e7)),
            "nBest": [{"confidence": round(sum(w["c"] for w in t["ww"]) / len(t["ww"]), 7),
                       "lexical": lex, "itn": plain(disp.split()), "maskedITN": plain(disp.split()),
                       "display": disp,
                       "words": [{"word": w["w"].strip(".,?!;:").lower(), "offset": iso_dur(w["s"]),
                                  "duration": iso_dur(w["e"] - w["s"]),
                                  "offsetInTicks": float(round(w["s"] * 1e7)),
                                  "durationInTicks": float(round((w["e"] - w["s"]) * 1e7)),
                                  "confidence": w["c"]} for w in t["ww"]]}]})
    disp_all = " ".join(p["nBest"][0]["display"] for p in phrases)
    return json.dumps({
        "source": "https://ccrec.blob.core.windows.net/rec/%s.wav" % c.call_id,
        "timestamp": (c.start + dt.timedelta(hours=5)).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "durationInTicks": int(c.duration * 1e7), "durationMilliseconds": int(c.duration * 1000),
        "duration": iso_dur(c.duration),
        "combinedRecognizedPhrases": [{"channel": 0, "lexical": lexicalize(disp_all),
                                       "itn": plain(disp_all.split()), "maskedITN": plain(disp_all.split()),
                                       "display": disp_all}],
        "recognizedPhrases": phrases}, ensure_ascii=False, indent=2)


def w_aws(c, turns, r, label_of, channels=False):
    items = []
    segs = []
    by_ch = {}
    iid = 0
    for t in turns:
        spk = label_of(t["role"])
        seg_items = []
        for w in t["ww"]:
            core = w["w"].rstrip(".,?!;:")
            punct = w["w"][len(core):]
            if core:
                it = {"id": iid, "start_time": "%.3f" % w["s"], "end_time": "%.3f" % w["e"],
                      "alternatives": [{"confidence": "%.4f" % w["c"], "content": core}],
                      "type": "pronunciation"}
                iid += 1
                if channels:
                    it["channel_label"] = spk
                else:
                    it["speaker_label"] = spk
                items.append(it)
                seg_items.append({"start_time": it["start_time"], "speaker_label": spk,
                                  "end_time": it["end_time"]})
            if punct:
                it = {"id": iid, "alternatives": [{"confidence": "0.0", "content": punct[0]}],
                      "type": "punctuation"}
                iid += 1
                if channels:
                    it["channel_label"] = spk
                else:
                    it["speaker_label"] = spk
                items.append(it)
        segs.append({"start_time": "%.3f" % t["ww"][0]["s"], "speaker_label": spk,
                     "end_time": "%.3f" % t["ww"][-1]["e"], "items": seg_items})
    full = " ".join(" ".join(w["w"] for w in t["ww"]) for t in turns)
    res = {"transcripts": [{"transcript": full}]}
    if channels:
        chs = {}
        for it in items:
            chs.setdefault(it["channel_label"], []).append(it)
        res["channel_labels"] = {"channels": [{"channel_label": k, "items": v}
                                              for k, v in sorted(chs.items())],
                                 "number_of_channels": 2}
        res["items"] = items
    else:
        res["speaker_labels"] = {"channel_label": "ch_0", "speakers": 2, "segments": segs}
        res["items"] = items
    return json.dumps({"jobName": "pln123-%s" % c.call_id, "accountId": "111122223333",
                       "status": "COMPLETED", "results": res}, ensure_ascii=False, indent=1)


def w_aws_ca(c, turns, r):
    tr = []
    for t in turns:
        txt = " ".join(w["w"] for w in t["ww"])
        tr.append({"LoudnessScores": [round(r.uniform(60, 85), 2) for _ in range(max(1, len(t["ww"]) // 4))],
                   "Content": txt,
                   "Items": [{"Confidence": w["c"], "Content": w["w"].rstrip(".,?!"),
                              "BeginOffsetMillis": int(w["s"] * 1000),
                              "EndOffsetMillis": int(w["e"] * 1000), "Type": "pronunciation"}
                             for w in t["ww"] if w["w"].rstrip(".,?!")],
                   "Id": str(uuid.UUID(int=r.getrandbits(128))),
                   "BeginOffsetMillis": int(t["ww"][0]["s"] * 1000),
                   "EndOffsetMillis": int(t["ww"][-1]["e"] * 1000),
                   "Sentiment": pick(r, ["NEUTRAL", "NEUTRAL", "NEGATIVE", "POSITIVE"]),
                   "ParticipantRole": "AGENT" if t["role"] == "agent" else "CUSTOMER"})
    return json.dumps({"JobStatus": "COMPLETED", "LanguageCode": "id-ID",
                       "AccountId": "111122223333", "Channel": "VOICE",
                       "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
                       "Transcript": tr,
                       "ConversationCharacteristics": {"TotalConversationDurationMillis": int(c.duration * 1000)}},
                      ensure_ascii=False, indent=1)


def fmt_ts(s, style):
    if style == "mmss":
        return "[%02d:%02d]" % (int(s) // 60, int(s) % 60)
    h = int(s) // 3600
    m = (int(s) % 3600) // 60
    return "[%02d:%02d:%06.3f]" % (h, m, s - h * 3600 - m * 60)


def w_text(c, turns, r):
    style = pick(r, ["mmss", "hms"])
    an = pick(r, ["AGENT", "CSO", "OPERATOR", "Agent"])
    cn = pick(r, ["CALLER", "PELANGGAN", "PENELEPON", "CUSTOMER"])
    lines = []
    for t in turns:
        words = [w["w"] for w in t["ww"]]
        txt = plain(words)
        lab = an if t["role"] == "agent" else cn
        if len(words) > 16 and r.random() < 0.3:
            k = len(words) // 2
            lines.append("%s %s: %s" % (fmt_ts(t["start"], style), lab, plain(words[:k])))
            lines.append(plain(words[k:]))  # continuation line, no speaker label
        else:
            lines.append("%s %s: %s" % (fmt_ts(t["start"], style), lab, txt))
        if r.random() < 0.05:
            lines.append("")
    return "\n".join(lines) + "\n"


def vtt_ts(s, srt=False):
    h = int(s) // 3600
    m = (int(s) % 3600) // 60
    sec = s - h * 3600 - m * 60
    if srt:
        return "%02d:%02d:%06.3f" % (h, m, sec)
    if h:
        return "%02d:%02d:%06.3f" % (h, m, sec)
    return "%02d:%06.3f" % (m, sec)


def w_vtt(c, turns, r):
    an = pick(r, ["Agent", "CSO"])
    cn = pick(r, ["Pelanggan", "Caller", "Customer"])
    out = ["WEBVTT", ""]
    for t in turns:
        out.append("%s --> %s" % (vtt_ts(t["ww"][0]["s"]), vtt_ts(t["ww"][-1]["e"])))
        out.append("<v %s>%s" % (an if t["role"] == "agent" else cn, " ".join(w["w"] for w in t["ww"])))
        out.append("")
    return "\n".join(out)


def w_srt(c, turns, r):
    an = pick(r, ["CSO", "AGENT"])
    cn = pick(r, ["PELANGGAN", "CALLER"])
    out = []
    for i, t in enumerate(turns):
        out.append(str(i + 1))
        out.append("%s --> %s" % (vtt_ts(t["ww"][0]["s"], True).replace(".", ","),
                                  vtt_ts(t["ww"][-1]["e"], True).replace(".", ",")))
        out.append("%s: %s" % (an if t["role"] == "agent" else cn, " ".join(w["w"] for w in t["ww"])))
        out.append("")
    return "\n".join(out)


ENGINES = [("whisper", 0.25), ("deepgram", 0.14), ("azure", 0.12), ("aws", 0.09),
           ("aws_ch", 0.04), ("aws_ca", 0.05), ("jsonl", 0.12), ("text", 0.11),
           ("vtt", 0.05), ("srt", 0.03)]


# ---------------------------------------------------------------- output
def write_csv(path, header, rows, gz=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([row.get(h, "") for h in header])
    data = buf.getvalue().encode("utf-8")
    if gz:
        with open(path, "wb") as fh:
            with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as g:
                g.write(data)
    else:
        with open(path, "wb") as fh:
            fh.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--noise", type=int, choices=[1, 2, 3], default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("--debug", help="write each call's clean dialogue, actions and FAIL reasons")
    ap.add_argument("--note-failures", action="store_true",
                    help="also write calls whose APKT action is right but whose note / ref is not "
                         "(SPEC leaves open whether apkt_action fails too; labelled FAIL on both)")
    a = ap.parse_args()

    W = Writer(a.calls, a.seed, a.noise, a.note_failures)
    W.build()
    R = Renderer(W.rn, a.noise)
    rr = random.Random(a.seed * 104729 + 17 + a.noise)  # file-shape stream
    re_ = random.Random(a.seed * 31 + 3)  # engine choice, the same at every noise level

    out = a.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)

    manifest = []
    bundles = {}
    for c in W.calls:
        c.engine = re_.choices([e for e, _ in ENGINES], [w for _, w in ENGINES])[0]
        if c.engine == "azure" and rr.random() < 0.0:
            c.engine = "azure_lex"
        turns = R.prepare(c)
        # speaker labels in order of first appearance (diariser style)
        order = []
        for t in turns:
            if t["role"] not in order:
                order.append(t["role"])

        def lab(style):
            def f(role):
                i = order.index(role)
                if style == "whisper":
                    return "SPEAKER_%02d" % i
                if style == "deepgram":
                    return i
                if style == "azure":
                    return i + 1
                if style == "aws":
                    return "spk_%d" % i
                if style == "aws_ch":
                    return "ch_%d" % (0 if role == "agent" else 1)
            return f

        day = c.start.strftime("%Y-%m-%d")
        rel = ""
        e = c.engine
        if e == "whisper":
            rel, body = "transcripts/%s/%s.json" % (day, c.call_id), w_whisper(c, turns, rr, lab("whisper"))
        elif e == "deepgram":
            rel, body = "transcripts/%s/%s.dg.json" % (day, c.call_id), w_deepgram(
                c, turns, rr, lab("deepgram"), utter=rr.random() < 0.8)
        elif e == "azure":
            rel, body = "transcripts/%s/%s_azure.json" % (day, c.call_id), w_azure(c, turns, rr, lab("azure"))
        elif e == "aws":
            rel, body = "transcripts/%s/%s-asr.json" % (day, c.call_id), w_aws(c, turns, rr, lab("aws"))
        elif e == "aws_ch":
            rel, body = "transcripts/%s/%s-asr.json" % (day, c.call_id), w_aws(c, turns, rr, lab("aws_ch"), True)
        elif e == "aws_ca":
            rel, body = "transcripts/%s/%s-tca.json" % (day, c.call_id), w_aws_ca(c, turns, rr)
        elif e == "text":
            rel, body = "transcripts/%s/%s.txt" % (day, c.call_id), w_text(c, turns, rr)
        elif e == "vtt":
            rel, body = "transcripts/%s/%s.vtt" % (day, c.call_id), w_vtt(c, turns, rr)
        elif e == "srt":
            rel, body = "transcripts/%s/%s.srt" % (day, c.call_id), w_srt(c, turns, rr)
        else:
            spk = pick(rr, [("agent", "caller"), ("cso", "pelanggan"), ("operator", "customer"),
                            ("Agent", "Penelepon")])
            line = {"call_id": c.call_id, "turns": [
                {"speaker": spk[0] if t["role"] == "agent" else spk[1], "start": t["ww"][0]["s"],
                 "end": t["ww"][-1]["e"], "text": plain([w["w"] for w in t["ww"]])} for t in turns]}
            bundles.setdefault(day, []).append(json.dumps(line, ensure_ascii=False))
            body = None
        if body is not None:
            p = os.path.join(out, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(body)
        c.rel = rel
        manifest.append({"call_id": c.call_id, "started_at": rfc(c.start),
                         "duration_s": int(round(c.duration)), "agent_id": c.agent[0],
                         "agent_name": c.agent[1], "site_code": c.agent[2], "team": c.agent[3],
                         "caller_number": c.caller_number,
                         "crm_caller_name": c.full if c.crm else "", "transcript": rel,
                         "queue": pick(rr, ["123-IVR-1", "123-IVR-2", "123-PRIORITAS"])})
    for day, lines in bundles.items():
        p = os.path.join(out, "transcripts-%s.jsonl" % day)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")

    write_csv(os.path.join(out, "calls.csv"),
              ["started_at", "call_id", "agent_id", "agent_name", "team", "site_code", "queue",
               "caller_number", "crm_caller_name", "duration_s", "transcript"], manifest)

    # action logs, time order across calls, one file per local day, last day gzipped
    acts = [x for c in W.calls for x in c.acts]
    acts.sort(key=lambda x: (x["at"].astimezone(dt.timezone.utc), x["call_id"]))
    byday = {}
    for x in acts:
        # the export is cut per day in the contact centre's head-office time (WIB)
        wib = x["at"].astimezone(dt.timezone(dt.timedelta(hours=7)))
        byday.setdefault(wib.strftime("%Y-%m-%d"), []).append(dict(x, at=rfc(x["at"])))
    days = sorted(byday)
    hdr = ["call_id", "at", "system", "action", "report_no", "ref_report_no", "category",
           "escalation_type", "note"]
    for i, d in enumerate(days):
        gz = i == (1 if len(days) > 2 else len(days) - 1)  # one whole day gzipped
        write_csv(os.path.join(out, "actions-%s.csv%s" % (d, ".gz" if gz else "")), hdr, byday[d], gz)

    # report export: the prior reports plus unrelated ones
    reps = []
    for c in W.calls:
        P = c.prior
        if not P:
            continue
        resolved = P.get("resolved_at") or P.get("resolved_later")
        reps.append({"report_no": P["no"], "created_at": rfc(P["created_at"]),
                     "resolved_at": rfc(resolved) if resolved else "", "category": P["category"],
                     "caller_name": P["name"].upper(), "address": P["address"],
                     "problem": P["problem"], "caller_phone": P["phone"],
                     "escalated_at": rfc(P["escalated_at"]) if P["escalated_at"] else "",
                     "unit_answer": P["unit_answer"]})
    r2 = random.Random(a.seed + 5)
    for k in range(max(20, a.calls // 4)):
        site = pick(r2, SITES)
        tz = dt.timezone(dt.timedelta(hours=site[1]))
        created = dt.datetime.combine(W.days[0], dt.time(8, 0), tz) - dt.timedelta(
            hours=r2.uniform(-60, 24 * 30))
        unresolved = r2.random() < 0.4
        no = W.report_no(pick(r2, site[2]), created.date())
        W.r = r2
        ph = W.phone("mobile")
        prob = pick(r2, PROBLEMS)
        reps.append({"report_no": no, "created_at": rfc(created),
                     "resolved_at": "" if unresolved else rfc(created + dt.timedelta(hours=r2.uniform(2, 60))),
                     "category": prob[0], "caller_name": pick(r2, MALE + FEMALE).upper(),
                     "address": "%s No. %d, %s" % (pick(r2, STREETS), r2.randrange(1, 120), pick(r2, AREAS)),
                     "problem": prob[2], "caller_phone": ph, "escalated_at": "",
                     "unit_answer": "" if unresolved else pick(r2, UNIT_ANSWERS_RESOLVED)})
    reps.sort(key=lambda x: x["report_no"])
    write_csv(os.path.join(out, "reports.csv"),
              ["report_no", "created_at", "resolved_at", "category", "caller_name", "address",
               "problem", "caller_phone", "escalated_at", "unit_answer"], reps)

    # truth
    rows = []
    for c in W.calls:
        for s in STEPS:
            rows.append({"call_id": c.call_id, "step": s, "expected": c.labels[s]})
    write_csv(os.path.join(out, "truth.csv"), ["call_id", "step", "expected"], rows)
    write_csv(os.path.join(out, "expected_calls.csv"), ["call_id", "path", "urgent", "prior_report_no"],
              [{"call_id": c.call_id, "path": c.path, "urgent": "true" if c.urgent else "false",
                "prior_report_no": c.prior["no"] if c.prior else ""} for c in W.calls])

    if a.debug:
        with open(a.debug, "w", encoding="utf-8") as fh:
            for c in W.calls:
                fh.write("=== %s %s %s path=%s urgent=%s near_urgent=%s phone=%s(%s) crm=%s engine=%s file=%s\n" % (
                    c.call_id, rfc(c.start), c.agent[1], c.path, c.urgent, c.near_urgent,
                    c.phone_kind, c.caller_number, c.full if c.crm else "-", c.engine, c.rel or "bundle"))
                if c.prior:
                    P = c.prior
                    fh.write("  prior %s created %s resolved %s escalated %s notice %s phone %s\n" % (
                        P["no"], rfc(P["created_at"]),
                        rfc(P["resolved_at"]) if P.get("resolved_at") else (
                            "later:" + rfc(P["resolved_later"]) if P.get("resolved_later") else "-"),
                        rfc(P["escalated_at"]) if P["escalated_at"] else "-", c.notice, P["phone"]))
                fh.write("  apkt=%s simone=%s ticket=%s new_no=%s\n" % (
                    c.apkt_kind, c.simone_kind, c.ticket_kind, c.new_no))
                for role, text, tag, s, e in c.turns:
                    fh.write("  %7.1f %-6s %-22s %s\n" % (s, role, tag, text))
                for x in c.acts:
                    fh.write("  ACT %s %s %s %s ref=%s cat=%s esc=%s note=%s\n" % (
                        rfc(x["at"]), x["system"], x["action"], x["report_no"], x["ref_report_no"],
                        x["category"], x["escalation_type"], x["note"]))
                for s in STEPS:
                    lab = c.labels[s]
                    fh.write("  %-22s %s%s\n" % (s, lab, ("  <- " + c.reasons.get(s, "")) if lab == "FAIL" else ""))
    print("wrote %d calls to %s (noise %d)" % (len(W.calls), out, a.noise))


if __name__ == "__main__":
    main()
