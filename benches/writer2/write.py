#!/usr/bin/env python3
"""Independent archive writer for callaudit (writer2).

Written blind from SPEC.md and the SOP only.  Stdlib only.

    python3 benches/writer2/write.py --calls 600 --seed 101 --noise 2 --out /tmp/w2/n2

Writes calls.csv, actions-<day>.csv[.gz] (time order across calls), reports.csv,
transcripts (txt / vtt / srt / Transcribe Call Analytics json, plus bundle.jsonl),
truth.csv and expected_calls.csv.
"""
import argparse
import csv
import datetime as dt
import gzip
import json
import os
import random
import re
import shutil
import sys

TZ = dt.timezone(dt.timedelta(hours=7))

STEPS = [
    "greeting", "caller_name", "prior_report_question", "data_verification",
    "empathy", "status_update", "phone_verification", "apkt_action", "apkt_note",
    "simone_escalation", "clarity_check", "eta_3x24", "service_guarantee",
    "ticket_number", "closing", "forbidden_phrases",
]

FIRST, TUSBUNG, RESOLVED, LT12, GE12 = (
    "FIRST_REPORT", "TUSBUNG_PAID", "REPEAT_RESOLVED", "REPEAT_OPEN_LT12H", "REPEAT_OPEN_GE12H")
NOTICE_TEXT = "Nomor Lapor Sudah Pernah di Eskalasi, Silahkan Lapor Ulang"

# agent_id, name, gender, site, team
AGENTS = [
    ("CS0412", "Rina", "f", "54", "TL-54-SARI"),
    ("CS0418", "Fajar", "m", "54", "TL-54-SARI"),
    ("CS0433", "Yusuf", "m", "54", "TL-54-HADI"),
    ("CS0502", "Lestari", "f", "31", "TL-31-NOVI"),
    ("CS0511", "Bayu", "m", "31", "TL-31-NOVI"),
    ("CS0527", "Maya", "f", "31", "TL-31-NOVI"),
    ("CS0610", "Hendra", "m", "22", "TL-22-ARIF"),
    ("CS0615", "Wulan", "f", "22", "TL-22-ARIF"),
    ("CS0702", "Ilham", "m", "61", "TL-61-DEDE"),
    ("CS0709", "Tika", "f", "61", "TL-61-DEDE"),
    ("CS0713", "Galih", "m", "61", "TL-61-DEDE"),
    ("CS0720", "Nadia", "f", "22", "TL-22-ARIF"),
]

MALE = ["Agus", "Bambang", "Darmawan", "Eko", "Firman", "Gunawan", "Haris", "Imam", "Joko",
        "Kurniawan", "Lukman", "Mulyadi", "Nanang", "Oki", "Purnomo", "Rahmat", "Slamet",
        "Taufik", "Udin", "Wahyu", "Yoga", "Zulkifli", "Asep", "Dadang", "Heru", "Ujang",
        "Ketut", "Made", "Rudi", "Samsul"]
FEMALE = ["Ani", "Bunga", "Citra", "Dian", "Endah", "Fitri", "Gita", "Hesti", "Indah",
          "Juwita", "Kartini", "Lilis", "Mega", "Nining", "Oktaviani", "Putri", "Ratna",
          "Sumiati", "Tuti", "Umi", "Vera", "Yanti", "Euis", "Neneng", "Siti", "Wayan",
          "Rohimah", "Fatimah", "Desi", "Nur"]
LAST = ["Saputra", "Wijaya", "Hidayat", "Nugroho", "Siregar", "Lubis", "Rahayu", "Susilo",
        "Pratama", "Kusuma", "Setiadi", "Harahap", "Purba", "Maulana", "Suryani", "Anggraini",
        "Hasibuan", "Wibowo", "Permana", "Gunadi", "Sembiring", "Nasution", "Rosadi", "Fauzi"]

STREETS = ["Kenanga", "Flamboyan", "Cempaka Putih", "Teratai", "Merpati", "Kutilang",
           "Pahlawan", "Diponegoro", "Sisingamangaraja", "Cendrawasih", "Nangka", "Rambutan",
           "Durian", "Bougenville", "Anggrek", "Mangga Besar", "Kebon Jeruk", "Pinang",
           "Sukarno Hatta", "Cikutra", "Pasirkaliki", "Tanjung", "Bakti", "Swadaya"]
STREET_TYPES = [("JL", "jalan"), ("GG", "gang"), ("JL", "jalan"), ("KP", "kampung"),
                ("PERUM", "perumahan")]
KELS = ["Sukamaju", "Cibeureum", "Pondok Labu", "Tegal Rejo", "Sidomulyo", "Karang Anyar",
        "Margahayu", "Sungai Bambu", "Lembah Sari", "Tanah Tinggi", "Pulo Gadung",
        "Srengseng", "Bojong Gede", "Cipayung", "Sawah Besar", "Kedung Halang"]
CITIES = ["Jakarta Timur", "Jakarta Selatan", "Bekasi", "Depok", "Bogor", "Bandung",
          "Cimahi", "Tangerang", "Medan", "Semarang", "Denpasar", "Makassar"]

# problem: report text, category, agent's words for it, caller's ways of telling it
PROBLEMS = [
    ("LISTRIK PADAM SATU RUMAH", "GANGGUAN", ["listrik padam satu rumah", "listrik di rumah padam"],
     ["listrik di rumah saya mati dari tadi", "rumah saya gelap total, listriknya mati",
      "lampu di rumah mati semua padahal tetangga nyala", "listrik saya padam, cuma rumah saya aja"]),
    ("PADAM SATU GANG", "GANGGUAN", ["padam satu gang", "listrik padam satu gang"],
     ["satu gang di tempat saya mati semua listriknya", "se-RT listriknya padam",
      "di gang saya padam semua dari sore"]),
    ("TEGANGAN TIDAK STABIL", "GANGGUAN", ["tegangan tidak stabil", "tegangan naik turun"],
     ["lampunya redup terang redup terang gitu", "tegangannya naik turun terus, kulkas gak kuat nyala",
      "listriknya kayak lemah, lampu jadi redup"]),
    ("MCB SERING TURUN", "GANGGUAN", ["MCB sering turun", "MCB yang sering turun"],
     ["sekring di meteran turun terus", "MCB-nya jeglek terus tiap nyalain pompa air",
      "tiap malam MCB-nya turun sendiri"]),
    ("KWH METER BERBUNYI", "KELUHAN", ["kWh meter berbunyi", "meteran yang berbunyi terus"],
     ["meteran saya bunyi tit tit terus", "kwh meternya bunyi aja dari kemarin padahal token masih ada"]),
    ("TOKEN TIDAK BISA DIMASUKKAN", "KELUHAN", ["token tidak bisa dimasukkan", "token yang tidak bisa masuk"],
     ["saya udah beli token tapi pas dimasukin ditolak terus", "kode tokennya gak bisa masuk ke meteran",
      "token listrik saya gagal terus, tulisannya reject"]),
    ("LEBIH TAGIH", "KELUHAN", ["lebih tagih", "tagihan yang tidak sesuai pemakaian"],
     ["tagihan bulan ini melonjak hampir dua kali lipat", "rekening listrik saya naik gak wajar",
      "tagihannya kok gede banget padahal pemakaian biasa aja"]),
    ("METER TIDAK MENYALA", "KELUHAN", ["meter tidak menyala", "layar meter yang mati"],
     ["layar meteran saya mati, gak ada angkanya", "meterannya gelap, gak ada tampilan apa apa"]),
]
TUSBUNG_PROBLEM = ("PENYAMBUNGAN KEMBALI SUDAH BAYAR", "TUSBUNG",
                   ["penyambungan kembali setelah pelunasan", "penyambungan kembali karena sudah bayar"],
                   ["listrik saya diputus, padahal tunggakannya sudah saya lunasi tadi siang, tolong disambung lagi",
                    "kemarin petugas mutus listrik saya, sekarang udah saya bayar, minta disambung lagi dong",
                    "saya sudah bayar tagihan yang nunggak, tapi listriknya belum disambung"])

OPEN_ANSWERS = [
    ("PETUGAS DALAM PERJALANAN", "petugas sedang dalam perjalanan ke lokasi"),
    ("MENUNGGU MATERIAL", "perbaikannya masih menunggu material pengganti"),
    ("SUDAH DIJADWALKAN PERBAIKAN", "perbaikannya sudah dijadwalkan oleh unit"),
    ("PENGECEKAN JARINGAN OLEH YANTEK", "tim yantek sedang mengecek jaringan di wilayah tersebut"),
    ("", ""), ("", ""),
]
RESOLVED_ANSWERS = [
    ("SUDAH DIPERBAIKI LISTRIK NORMAL", "sudah diperbaiki dan listriknya normal"),
    ("SUDAH DICEK TIDAK ADA KELAINAN", "petugas sudah mengecek dan tidak menemukan kelainan"),
    ("PEKERJAAN SELESAI DI LOKASI", "pekerjaan di lokasi sudah selesai"),
    ("", ""),
]
RESOLVED_SPECIFIC = {
    "MCB SERING TURUN": ("MCB SUDAH DIGANTI", "MCB-nya sudah diganti petugas"),
    "KWH METER BERBUNYI": ("METER SUDAH DIRESET", "meternya sudah direset petugas"),
    "METER TIDAK MENYALA": ("METER SUDAH DIGANTI", "meternya sudah diganti yang baru"),
    "LEBIH TAGIH": ("TAGIHAN SUDAH DIKOREKSI", "tagihannya sudah dikoreksi"),
    "TOKEN TIDAK BISA DIMASUKKAN": ("TOKEN SUDAH DIBANTU MASUK", "tokennya sudah dibantu masuk oleh petugas"),
}

TOD_BANDS = [("pagi", 4 * 60, 11 * 60), ("siang", 11 * 60, 15 * 60),
             ("sore", 15 * 60, 18 * 60), ("malam", 18 * 60, 28 * 60)]

# ---------------------------------------------------------------- numbers
DIG = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def num_words(n):
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
        return head + ("" if r == 0 else " " + num_words(r))
    if n < 10000:
        th, r = divmod(n, 1000)
        head = "seribu" if th == 1 else DIG[th] + " ribu"
        return head + ("" if r == 0 else " " + num_words(r))
    return " ".join(DIG[int(c)] for c in str(n))


def digits_words(s, rng):
    zero = rng.choice(["nol", "kosong", "nol"])
    return " ".join(zero if c == "0" else DIG[int(c)] for c in s if c.isdigit())


def speak_report_no(no, rng):
    """How an agent reads a report number aloud (canonical text; engines may re-render digits)."""
    d = no[1:]
    style = rng.randrange(5)
    if style == 0:
        return no
    if style == 1:
        return "K " + " ".join([d[0:4], d[4:8], d[8:]])
    if style == 2:
        return rng.choice(["ka", "K"]) + " " + digits_words(d, rng)
    if style == 3:
        return "K " + " ".join(d[i:i + 2] for i in range(0, len(d), 2))
    return "huruf K, " + ", ".join([d[0:3], d[3:6], d[6:9], d[9:]])


def speak_phone(p, rng):
    if rng.random() < 0.5:
        return p
    if rng.random() < 0.5:
        return digits_words(p, rng)
    return " ".join([p[0:4], p[4:8], p[8:]])


# ---------------------------------------------------------------- phrase banks
# {tod} time of day, {ag} agent name, {H} Bapak/Ibu, {h} Pak/Bu, {nm} ", Pak Budi" or ""
GREET_PASS = [
    "PLN 123 selamat {tod}, dengan {ag}, ada yang bisa dibantu?",
    "Selamat {tod}, PLN 123 dengan {ag}, ada yang bisa saya bantu?",
    "PLN 123, selamat {tod}, saya {ag}, ada yang bisa kami bantu {H}?",
    "Selamat {tod} PLN 123, dengan {ag} di sini, apa yang bisa saya bantu?",
    "PLN 123 selamat {tod} dengan {ag} bisa dibantu?",
    "Halo, PLN 123 selamat {tod}, saya {ag}, ada yang bisa dibantu?",
    "PLN 123, selamat {tod}. Anda terhubung dengan {ag}. Ada yang bisa dibantu?",
    "PLN 123 selamat {tod} bersama {ag}, ada yang bisa saya bantu hari ini?",
    "Selamat {tod}, ini PLN 123, saya {ag}, silakan, ada yang bisa saya bantu?",
    "PLN 123 selamat {tod}, {ag} di sini, ada yang bisa dibantu {H}?",
    "PLN 123, selamat {tod}, dengan saya {ag}, apa ada yang bisa dibantu?",
    "Selamat {tod}, dengan {ag} dari PLN 123, ada yang perlu dibantu?",
]
GREET_SPLIT = [("PLN 123 selamat {tod}", "iya dengan {ag}, ada yang bisa dibantu?"),
               ("Selamat {tod}, PLN 123", "saya {ag}, ada yang bisa saya bantu?"),
               ("PLN 123, selamat {tod}, dengan {ag}", "ada yang bisa dibantu {H}?")]
GREET_NO_NAME = ["PLN 123 selamat {tod}, ada yang bisa dibantu?",
                 "Selamat {tod}, PLN 123, ada yang bisa saya bantu?",
                 "PLN 123, selamat {tod}, silakan ada yang bisa dibantu?"]
GREET_NO_PLN = ["Selamat {tod}, dengan {ag}, ada yang bisa dibantu?",
                "Selamat {tod} saya {ag}, ada yang bisa saya bantu?"]
GREET_NO_OFFER = ["PLN 123 selamat {tod}, dengan {ag}.", "Selamat {tod}, PLN 123, saya {ag}."]
GREET_MISSING = ["Halo, iya?", "Ya halo, silakan.", "Halo, dengan PLN."]

ASK_NAME = [
    "Mohon maaf, dengan {H} siapa saya berbicara?",
    "Boleh saya tahu nama {H}?",
    "Maaf, dengan bapak atau ibu siapa ya?",
    "Baik, sebelumnya boleh dibantu namanya siapa {h}?",
    "Boleh disebutkan namanya dulu {h}?",
    "Maaf, saya bicara dengan siapa ya?",
    "Namanya siapa {h}, biar saya catat?",
    "Dengan {h} siapa nih?",
    "Sebelumnya saya panggil {H} siapa ya?",
    "Boleh tahu {H} namanya siapa?",
    "Maaf, bisa disebutkan nama lengkapnya {h}?",
    "Oke {h}, kalau boleh tahu namanya siapa?",
    "Baik, dengan siapa saya bicara ini {h}?",
]
ASK_NAME_SPLIT = [("Baik {h}.", "Dengan {H} siapa?"), ("Oke, sebelumnya,", "boleh tahu namanya {h}?")]
NAME_NEAR = ["Baik, dari daerah mana ini {h}?", "Bisa dibantu alamatnya dulu {h}?",
             "Oke, lokasinya di mana {h}?"]
CRM_ADDRESS = [
    "Baik {H} {cn}, silakan disampaikan keluhannya.",
    "Iya {h} {cn}, saya dengarkan.",
    "Dengan {H} {cn} ya, betul?",
    "Oke {h} {cn}, mohon diceritakan masalahnya.",
    "Baik {H} {cn}, ada kendala apa dengan listriknya?",
    "Iya, {H} {cn}, saya bantu ya.",
    "Siap {h} {cn}, mohon ditunggu sebentar ya.",
]
CALLER_NAME_ANS = ["Saya {full}.", "{first}, mbak.", "Nama saya {full}.", "Dengan {first}.",
                   "{full}.", "Saya {first}, {first}."]

ASK_PRIOR = [
    "Mohon maaf, apakah {H} sudah pernah melapor sebelumnya?",
    "Sebelumnya sudah pernah lapor ke kami belum {h}?",
    "Apa {H} sudah pernah melaporkan masalah ini sebelumnya?",
    "Untuk masalah ini udah pernah lapor belum {h}?",
    "Boleh saya tahu, masalah ini sudah pernah dilaporkan atau baru pertama kali?",
    "Ini laporan pertama atau sudah pernah lapor sebelumnya {h}?",
    "Apakah keluhan ini sudah pernah {H} laporkan sebelumnya?",
    "Udah sempat lapor sebelumnya belum ya {h}?",
    "Kalau boleh tahu, {H} sudah pernah buat laporan sebelumnya?",
    "Maaf {h}, sebelumnya pernah melapor untuk keluhan yang sama?",
    "Sudah pernah lapor sebelumnya {h}, atau ini yang pertama?",
]
ASK_PRIOR_ID = [
    "Boleh disebutkan nomor laporannya {h}?",
    "Baik, boleh dibantu nomor lapor sebelumnya, atau nomor telepon yang dipakai waktu melapor?",
    "Ada nomor laporannya {h}? Kalau tidak ada, nomor telepon yang dipakai saat melapor juga bisa.",
    "Boleh saya minta ID pelanggan atau nomor meternya?",
    "Nomor laporannya masih disimpan {h}?",
    "Waktu itu lapornya pakai nomor telepon berapa {h}?",
    "Bisa disebutkan nomor bukti lapornya {h}?",
    "Kalau nomor laporannya gak ada, boleh ID pelanggannya aja {h}.",
    "Oh sudah, boleh saya minta nomor lapor yang kemarin {h}?",
    "Baik, untuk pengecekan, nomor laporan atau nomor telepon waktu lapor berapa {h}?",
]
PRIOR_ID_NEAR = ["Oh begitu, baik saya cek dulu ya {h}.", "Oke oke, sebentar ya {h}.",
                 "Baik, mohon ditunggu {h}."]
CALLER_YES_ANY = ["Iya, ini yang kedua kalinya saya telepon.", "Udah pernah, makanya saya telepon lagi.",
                  "Sudah, sudah pernah.", "Iya pernah mbak."]
CALLER_YES_RECENT = ["Sudah, barusan tadi saya lapor.", "Udah, beberapa jam yang lalu.",
                     "Pernah, tadi saya sudah telepon."]
CALLER_YES_OLD = ["Iya sudah, kemarin.", "Udah mbak, dua hari lalu malah.", "Sudah, dari kemarin saya lapor.",
                  "Pernah, udah beberapa hari yang lalu."]
CALLER_NO = ["Belum, baru kali ini.", "Belum pernah.", "Belum mbak, baru sekarang.",
             "Belum, ini pertama kali.", "Enggak, belum pernah lapor."]

VERIFY_FULL = [
    ["Baik, laporan sebelumnya atas nama {pn}, alamat di {addr}, dengan keluhan {prob}, betul {h}?"],
    ["Laporannya atas nama {pn} ya {h}?", "@Iya.", "Lokasinya di {addr}, untuk keluhannya {prob}, benar?"],
    ["Saya konfirmasi dulu ya, nama pelapor {pn}, alamatnya {addr}, permasalahannya {prob}, sesuai {h}?"],
    ["Di sini tercatat laporan {prob} atas nama {pn} di {addr}, betul begitu {h}?"],
    ["Oke {h}, datanya atas nama {pn}, lokasi {addr}, keluhan {prob} ya?"],
    ["Laporan {H} sudah saya temukan, nama {pn}, beralamat di {addr}, dilaporkan {prob}, apakah benar?"],
    ["Baik sudah ketemu, {pn} ya, di {addr}.", "@Iya betul.", "Masalahnya {prob}, betul ya {h}?"],
    ["Mohon dikoreksi kalau salah, pelapornya {pn}, alamat {addr}, keluhannya {prob}."],
    ["Atas nama {pn}?", "@Iya.", "Alamatnya {addr}?", "@Betul.", "Keluhannya {prob} ya {h}?"],
    ["Saya bacakan datanya ya {h}, {pn}, {addr}, untuk masalah {prob}. Sudah sesuai?"],
]
VERIFY_NEAR = [
    ["Baik, laporannya atas nama {pn} ya {h}?"],
    ["Laporan sebelumnya atas nama {pn}, alamat di {addr}, betul {h}?"],
    ["Oke, alamatnya di {addr} ya {h}?"],
]

EMPATHY = [
    "Mohon maaf atas ketidaknyamanannya ya {h}.",
    "Baik {H}, mohon maaf atas permasalahannya.",
    "Kami mohon maaf atas gangguan yang {H} alami.",
    "Maaf banget ya {h} atas kendalanya, pasti gak nyaman ya.",
    "Saya mohon maaf sekali atas kejadian ini {h}.",
    "Atas permasalahan ini, kami mohon maaf ya {H}.",
    "Aduh, mohon maaf ya {h} atas ketidaknyamanan yang terjadi.",
    "Sebelumnya kami minta maaf atas gangguan listriknya {h}.",
    "Iya {h}, kami paham, dan kami mohon maaf atas keluhan yang {H} alami.",
    "Maaf ya {h} atas ketidaknyamanan ini.",
    "Mohon maaf atas kendala yang terjadi di rumah {H}.",
    "Baik {h}, sebelumnya saya mohon maaf atas masalah listriknya.",
    "Kami mohon maaf {h}, karena masalahnya belum juga beres.",
]
EMPATHY_SPLIT = [("Baik {h}, kami paham.", "Mohon maaf ya atas permasalahannya."),
                 ("Iya {h}, sebelumnya", "kami mohon maaf atas ketidaknyamanannya.")]
EMPATHY_NEAR = ["Mohon maaf, suaranya kurang jelas {h}, bisa diulang?",
                "Maaf menunggu lama ya {h}.",
                "Mohon maaf, boleh diulang sekali lagi {h}?",
                "Maaf {h}, saya potong sebentar ya."]

STATUS_OPEN_ANS = [
    "Untuk laporannya sudah ada jawaban dari unit, {ans}.",
    "Saya sudah cek, dari unit terkait infonya {ans}.",
    "Status laporannya saat ini {ans} ya {h}.",
    "Jadi update terakhir dari petugas, {ans}.",
    "Menurut keterangan unit di sistem kami, {ans}.",
    "Dari hasil pengecekan saya {h}, {ans}.",
]
STATUS_OPEN_NOANS = [
    "Untuk laporan {H} belum ada jawaban dari unit, saat ini masih dalam proses penanganan.",
    "Statusnya masih dalam antrean petugas lapangan ya {h}, belum ada update dari unit.",
    "Dari sistem terlihat laporannya masih menunggu petugas ke lokasi {h}.",
    "Belum ada tanggapan dari unit {h}, progresnya masih dalam proses pengerjaan.",
    "Saya lihat laporannya masih berstatus dalam proses ya {h}, jawaban unit belum masuk.",
]
STATUS_RES = [
    "Di sistem kami laporan sebelumnya sudah dinyatakan selesai oleh unit{ans}.",
    "Laporan yang kemarin statusnya sudah selesai {h}{ans}.",
    "Dari unit, laporannya sudah ditutup{ans}, tapi ternyata masalahnya muncul lagi ya {h}.",
    "Saya cek, laporan {H} sebelumnya sudah selesai dikerjakan{ans}.",
    "Statusnya di aplikasi sudah selesai {h}{ans}.",
]
STATUS_NEAR = ["Baik, saya cek dulu statusnya ya {h}.",
               "Nanti statusnya bisa {H} lihat sendiri di aplikasi ya.",
               "Untuk statusnya saya belum bisa sampaikan sekarang ya {h}."]

PHONE_MOBILE = [
    "Apakah nomor yang {H} gunakan sekarang bisa dihubungi?",
    "Nomor yang dipakai nelpon ini aktif dan bisa dihubungi ya {h}?",
    "Untuk nomor ini bisa dihubungi petugas ya {h}?",
    "Boleh dipastikan, nomor {H} yang sekarang ini bisa ditelepon petugas?",
    "Nanti petugas bisa hubungi ke nomor ini ya {h}?",
    "Nomor HP yang sedang dipakai ini bisa dihubungi kan {h}?",
    "Apakah nomor ini aktif untuk dihubungi balik {h}?",
    "Nomor yang sekarang bisa ditelpon gak {h}, buat petugas?",
    "Kalau petugas mau konfirmasi, bisa lewat nomor yang {H} pakai sekarang?",
    "Nomor ini bisa dihubungi ya {h}?",
]
PHONE_PSTN = [
    "Bisa dibantu nomor handphone yang dapat dihubungi {h}?",
    "Boleh minta nomor HP yang bisa dihubungi {h}?",
    "Karena {H} menelepon dari telepon rumah, boleh dibantu nomor handphone-nya?",
    "Ada nomor ponsel yang aktif {h}? Untuk dihubungi petugas.",
    "Nomor WhatsApp atau HP yang bisa dihubungi berapa {h}?",
    "Mohon disebutkan nomor handphone yang aktif ya {h}.",
    "Boleh saya catat nomor seluler {H} yang bisa dihubungi?",
    "Untuk memudahkan petugas, nomor HP-nya berapa {h}?",
]
PHONE_HIDDEN = ["Nomornya tidak tampil di sistem kami {h}, boleh minta nomor HP yang bisa dihubungi?",
                "Nomor {H} tidak terbaca di sini, bisa dibantu nomor handphone yang aktif?"]
PHONE_PSTN_NEAR = ["Apakah nomor telepon ini bisa dihubungi {h}?",
                   "Nomor yang dipakai sekarang bisa dihubungi ya {h}?"]

CLARITY = [
    "Apakah informasi yang saya sampaikan sudah cukup jelas {h}?",
    "Sudah jelas ya {h} informasinya?",
    "Informasinya bisa dipahami {h}?",
    "Gimana {h}, penjelasan saya udah cukup jelas?",
    "Penjelasan saya sudah jelas ya {H}?",
    "Apa informasinya sudah dimengerti {h}?",
    "Sampai sini jelas ya {h}?",
    "Sudah cukup jelas informasi dari kami {H}?",
    "Kira-kira sudah jelas {h} yang saya jelaskan tadi?",
    "Ada yang kurang jelas dari penjelasan saya {h}?",
    "Informasi dari saya sudah jelas atau ada yang mau ditanyakan lagi {h}?",
]
CLARITY_NEAR = ["Ada lagi yang bisa dibantu {h}?", "Ada keluhan lain {h}?",
                "Masih ada yang perlu dilaporkan {h}?"]
CALLER_CLEAR = ["Iya jelas.", "Udah, jelas mbak.", "Jelas, jelas.", "Iya ngerti.", "Sudah cukup."]

ETA_ASK = ["Kira-kira berapa lama ya diperbaikinya?", "Terus kapan ini beresnya?",
           "Saya harus nunggu sampai kapan?", "Petugasnya kapan datang sih?",
           "Lama gak ini prosesnya?", "Estimasinya berapa lama?", "Hari ini bisa selesai gak?",
           "Kapan kira-kira ditangani?", "Berapa lama lagi saya nunggu ini?"]
ETA_PASS = [
    "Estimasi penyelesaiannya sesuai standar layanan kami maksimal {eta} dari waktu pelaporan.",
    "Untuk waktunya paling lambat {eta} ya {h}.",
    "Sesuai standar PLN, maksimal {eta} sejak laporan dibuat.",
    "Kami upayakan secepatnya, maksimal {eta} {h}.",
    "Batas waktunya {eta} ya {h}, tapi biasanya bisa lebih cepat.",
    "Standar penyelesaiannya {eta} dari laporan masuk {h}.",
    "Paling lama {eta} {h}.",
    "Dalam waktu {eta} ya {h}, dihitung dari waktu lapor.",
    "Untuk estimasinya, sesuai standar pelayanan itu {eta} {h}.",
]
ETA_WRONG = ["2 x 24 jam", "1 x 24 jam", "24 jam", "2 kali 24 jam"]
ETA_VAGUE = ["Secepatnya ya {h}, ditunggu saja.", "Nanti petugas yang akan menginformasikan ya {h}.",
             "Untuk waktunya belum bisa dipastikan {h}."]
ETA_FORMS = ["3 x 24 jam", "3x24 jam", "3 kali 24 jam", "tiga kali dua puluh empat jam", "3 X 24 jam"]

GUARANTEE = [
    "Laporannya kami sampaikan ke unit pelayanan terkait untuk segera ditindaklanjuti.",
    "Keluhan {H} sudah kami teruskan ke unit terkait, nanti segera ditindaklanjuti petugas.",
    "Kami bantu teruskan ke petugas unit setempat supaya cepat ditangani ya {h}.",
    "Laporan ini langsung kami teruskan ke unit terkait agar segera diproses.",
    "Nanti laporannya diteruskan ke unit PLN terdekat dan segera ditindaklanjuti ya {h}.",
    "Sudah saya teruskan ke unit layanan, mereka akan segera menindaklanjuti.",
    "Kami pastikan laporan {H} sampai ke unit terkait dan segera ditangani.",
    "Laporannya sudah masuk ke unit, akan segera ditindaklanjuti oleh petugas {h}.",
    "Udah saya oper ke unitnya ya {h}, biar segera ditangani.",
    "Saya sampaikan ke unit pelaksana agar segera dikerjakan ya {h}.",
    "Untuk laporannya kami kirim ke unit terkait supaya cepat ditindaklanjuti {h}.",
]
GUARANTEE_SPLIT = [("Baik {h}, laporannya saya teruskan ke unit terkait ya.", "Supaya segera ditindaklanjuti.")]
GUARANTEE_NEAR = ["Laporannya sudah saya catat ya {h}.", "Nanti kami bantu cek lagi ya {h}.",
                  "Baik, datanya sudah saya simpan di sistem {h}."]

TICKET_NEW = [
    "Mohon dicatat nomor laporannya {no}.",
    "Nomor bukti lapornya {no} ya {h}.",
    "Untuk nomor laporan {H} yang baru, {no}.",
    "Saya bacakan nomor laporannya ya, {no}.",
    "Nomor lapornya {no}, bisa dicatat ya {h}.",
    "Silakan dicatat {h}, nomor laporannya {no}.",
    "Ini nomor laporannya {h}, {no}.",
]
TICKET_NEW_SPLIT = [("Boleh siapkan alat tulis {h}, untuk mencatat nomor laporannya?", "Nomornya {no}."),
                    ("Saya bacakan nomor laporannya ya {h}.", "{no}.")]
TICKET_LINK = [" Nomor yang baru ini masih terkait dengan laporan sebelumnya ya {h}.",
               " Laporan baru ini sudah kami kaitkan dengan nomor yang lama.",
               " Ini masih terhubung dengan laporan {H} yang sebelumnya."]
TICKET_OLD = [
    "Untuk nomor laporannya masih sama dengan yang sebelumnya ya {h}, {old}.",
    "Nomor laporannya tetap menggunakan nomor yang lama ya {h}.",
    "Jadi {H} tetap pakai nomor laporan {old} ya.",
    "Nomor lapornya tidak berubah ya {h}, masih yang kemarin.",
    "Nomor laporannya masih berlaku {h}, jadi tidak ada nomor baru.",
    "Silakan tetap simpan nomor laporan yang sebelumnya ya {h}, {old}.",
    "Nomornya masih pakai yang kemarin ya {h}.",
]
TICKET_NEAR_SMS = ["Untuk nomor laporannya nanti dikirim lewat SMS ya {h}.",
                   "Nomor laporannya nanti bisa dicek di aplikasi ya {h}."]

CLOSE_CAMPAIGN = [
    "Agar semua makin mudah, ayo download aplikasi New PLN Mobile di Play Store atau App Store.",
    "Jangan lupa unduh aplikasi New PLN Mobile di Playstore maupun Appstore ya {h}.",
    "Untuk kemudahan {H}, silakan download New PLN Mobile di Play Store atau App Store.",
    "Oh iya {h}, sekarang ada aplikasi New PLN Mobile, bisa diunduh di Play Store dan App Store.",
    "Biar lebih gampang, download aja aplikasi New PLN Mobile di Play Store atau App Store {h}.",
    "Kami sarankan unduh New PLN Mobile di Play Store atau App Store ya {h}.",
    "Supaya lebih praktis, yuk download New PLN Mobile lewat Play Store atau App Store.",
]
CLOSE_THANKS = [
    "Terima kasih telah menghubungi PLN 123, selamat {tod}{nm}.",
    "Terima kasih sudah menghubungi PLN 123, selamat {tod}{nm}.",
    "Makasih udah telepon PLN 123 ya, selamat {tod}{nm}.",
    "Selamat {tod}{nm}, terima kasih sudah menghubungi PLN 123.",
    "Terima kasih atas teleponnya ke PLN 123, selamat {tod}{nm}.",
    "Kami ucapkan terima kasih telah menghubungi PLN 123, selamat {tod}{nm}.",
]
CLOSE_NO_THANKS = ["Baik, selamat {tod}{nm}.", "Oke {h}, selamat {tod}."]
FORBIDDEN = ["Oh iya {h}, sekalian kami informasikan campaign ILP dari PLN ya, silakan diikuti.",
             "Semoga harinya menyenangkan ya {h}.",
             "Selamat beraktivitas kembali {h}, semoga sehat selalu sekeluarga."]

URGENT_CUES = [
    "Di rumah ada ibu saya yang lagi sakit, pakai oksigen, itu butuh listrik.",
    "Anak saya bayi lagi demam tinggi, tolong banget ini.",
    "Bapak saya pasien cuci darah, alatnya di rumah pakai listrik.",
    "Kalau hari ini belum juga beres, saya laporkan ke wartawan ya.",
    "Saya viralkan di media sosial kalau begini terus.",
    "Kalau gak ditangani saya lapor polisi aja deh.",
    "Kabel di tiang depan rumah keluar api, takut kebakaran.",
    "Kabelnya putus jatuh ke jalan, banyak anak-anak lewat, bahaya banget.",
    "Saya sudah sangat kecewa, ini keterlaluan, saya mau komplain keras ke pimpinan kalian.",
]
CALLER_SMALLTALK = ["Iya, soalnya saya lagi kerja dari rumah.", "Tetangga juga pada nanya.",
                    "Ya ampun, repot deh.", "Iya mbak, saya tunggu.", "Hmm, oke.",
                    "Saya juga bingung mbak harus gimana.", "Padahal bayar gak pernah telat lho."]
BACKCH = ["iya", "oke", "hmm", "he eh", "iya iya", "ya", "baik", "terus"]
HOLD = ["Mohon ditunggu sebentar ya {h}, saya cek datanya.", "Saya cek dulu ya {h}, mohon ditunggu.",
        "Sebentar ya {h}, saya lihat di sistem."]
HOLD_BACK = ["Terima kasih sudah menunggu {h}.", "Baik {h}, terima kasih sudah menunggu.",
             "Oke {h}, sudah saya cek."]

# ---------------------------------------------------------------- noise
NEG = {"tidak", "belum", "gak", "nggak", "enggak", "bukan", "tak", "ga", "engga", "jangan"}
TOD = {"pagi", "siang", "sore", "malam"}
DROPPABLE = {"yang", "untuk", "ya", "di", "ke", "dan", "nya", "sih", "dong", "ini", "itu", "saja",
             "aja", "kami", "saya", "dengan", "juga", "nih", "kok", "eh"}
# pairs an engine plausibly writes as one token
COMPOUNDS = {("terima", "kasih"), ("play", "store"), ("app", "store"), ("ada", "yang"), ("pln", "mobile"),
             ("tindak", "lanjut"), ("tidak", "ada"), ("sama", "sama"), ("nomor", "hp")}
SUBST = {
    "bapak": ["bapa", "bapa'", "pak"], "ibu": ["ibuk", "bu"], "maaf": ["maap", "ma'af", "mohon maaf"],
    "mohon": ["mohon", "muhun", "monon"], "sudah": ["udah", "suda", "sudh"], "terima": ["trima", "terimah"],
    "kasih": ["kasi", "kasih"], "dibantu": ["di bantu", "dibantuk", "dibanto"],
    "bantu": ["bantuk", "bantoo"], "selamat": ["slamat", "selamet", "salamat"],
    "pelanggan": ["pelangan", "plangan"], "laporan": ["lapuran", "laporang", "lapor an"],
    "laporannya": ["laporanya", "laporan nya", "lapurannya"], "nomor": ["nomer", "nomo", "no"],
    "informasi": ["inpormasi", "informasih", "infomasi"], "handphone": ["hand phone", "henpon", "hp"],
    "hubungi": ["ubungi", "hubungin"], "dihubungi": ["di hubungi", "dihubungin", "diubungi"],
    "menghubungi": ["menghubungin", "hubungi", "mengubungi"], "permasalahannya": ["permasalahan nya", "permasalahan", "masalahnya"],
    "ketidaknyamanannya": ["ketidak nyamanannya", "ketidaknyamanan nya", "ketidaknyamanan"],
    "ditindaklanjuti": ["ditindak lanjuti", "di tindak lanjuti", "tindaklanjuti"],
    "segera": ["segra", "segerah"], "sebelumnya": ["sblumnya", "sebelum nya", "sebelumya"],
    "terkait": ["trkait", "ter kait"], "download": ["donlot", "daunlod", "down load"],
    "aplikasi": ["aplikasih", "aplikas", "applikasi"], "mobile": ["mobail", "mobil", "mobel"],
    "playstore": ["play store", "plei store"], "appstore": ["app store", "ep store", "apstor"],
    "store": ["stor", "setor"], "play": ["plei", "ple"], "jelas": ["jelas", "jlas", "jelasnya"],
    "informasinya": ["informasi nya", "inpormasinya"], "alamat": ["alamt", "alamatnya"],
    "keluhan": ["keluhannya", "kluhan"], "petugas": ["ptugas", "petugasnya"],
    "unit": ["unitnya", "yunit"], "tiket": ["tiketnya", "ticket"], "dicatat": ["di catat", "dicatet"],
    "listrik": ["listrk", "lístrik", "listriknya"], "telepon": ["telpon", "tilpon", "telfon"],
    "malam": ["malem"], "siang": ["siyang"], "jam": ["jem", "jam"], "kali": ["kali", "x"],
    "ada": ["ado", "adak"], "bisa": ["bisa", "biso", "bisah"], "saya": ["saye", "sy"],
    "dengan": ["dgn", "deng an", "dengen"], "apakah": ["apa", "apakah", "apaka"],
    "pernah": ["prnah", "pernh"], "melapor": ["lapor", "melapur"], "nama": ["namah", "nma"],
    "pln": ["pe el en", "p l n", "peln"], "sampaikan": ["sampein", "sampaiin", "sampai kan"],
    "teruskan": ["terusin", "terus kan"], "diteruskan": ["diterusin", "di teruskan"],
    "kami": ["kamih", "kamu"], "betul": ["btul", "betol"], "gangguan": ["ganguan", "gangguannya"],
}
FILLERS = ["eh", "em", "ee", "hmm", "anu", "apa namanya", "gitu"]
SAFE_TRAIL = {"ya", "pak", "bu", "mbak", "mas", "baik", "oke", "iya", "dong", "sih", "nggih"}
LEVEL = {1: dict(word=0.025, drop=0.01, fill=0.02, rep=0.008, merge=0.01, split_turn=0.05,
                 merge_turn=0.02, trail=0.0, swap=0.0, name=0.0, words_num=0.25),
         2: dict(word=0.07, drop=0.03, fill=0.05, rep=0.02, merge=0.03, split_turn=0.12,
                 merge_turn=0.05, trail=0.04, swap=0.02, name=0.15, words_num=0.45),
         3: dict(word=0.14, drop=0.06, fill=0.09, rep=0.04, merge=0.06, split_turn=0.2,
                 merge_turn=0.09, trail=0.08, swap=0.05, name=0.35, words_num=0.6)}


def misspell_name(name, rng):
    n = name.lower()
    opts = []
    for a, b in (("f", "p"), ("y", "i"), ("i", "y"), ("u", "o"), ("th", "t"), ("ny", "n"),
                 ("a", "ah"), ("k", "q"), ("w", "u"), ("e", "i")):
        if a in n:
            opts.append(n.replace(a, b, 1))
    if n.endswith(("a", "i", "u")):
        opts.append(n + "h")
    return rng.choice(opts) if opts else n


def render_numbers(text, rng, pw):
    """Digits in canonical text become words with probability pw (per number)."""
    def rep(m):
        s = m.group(0)
        if rng.random() >= pw:
            return s
        pre = " " if m.start() > 0 and m.string[m.start() - 1].isalpha() else ""
        return pre + spoken(s)

    def spoken(s):
        if len(s) >= 5:
            return digits_words(s, rng)
        if s == "123":
            return rng.choice(["satu dua tiga", "seratus dua puluh tiga", "satu dua tiga"])
        if len(s) == 4:
            return digits_words(s, rng)
        if len(s) == 3 and rng.random() < 0.7:
            return digits_words(s, rng)
        if len(s) > 1 and s[0] == "0":
            return digits_words(s, rng)
        return num_words(int(s))
    return re.sub(r"\d+", rep, text)


def noisify_words(words, rng, L, protect_numbers, names):
    out = []
    i = 0
    numw = set(DIG) | {"puluh", "belas", "ratus", "sebelas", "sepuluh", "seratus", "kosong", "x", "kali"}
    while i < len(words):
        w = words[i]
        lw = w.lower()
        core = re.sub(r"[^\w\-']", "", lw)
        protected = (core in NEG or (protect_numbers and (core.isdigit() or core in numw)))
        r = rng.random()
        if core in names and rng.random() < L["name"]:
            out.append(misspell_name(core, rng) + w[len(core):] if w.lower().startswith(core) else w)
            i += 1
            continue
        if protected or core in TOD:
            if core in TOD and core in SUBST and r < L["word"]:
                out.append(SUBST[core][0])
            else:
                out.append(w)
            i += 1
            continue
        if r < L["drop"] and core in DROPPABLE:
            i += 1
            continue
        r -= L["drop"]
        if r < L["word"]:
            if core in SUBST:
                out.append(rng.choice(SUBST[core]))
            elif len(core) > 4 and core.isalpha():
                out.append(phon(core, rng))
            else:
                out.append(w)
            i += 1
            continue
        r -= L["word"]
        if r < L["rep"]:
            out.extend([w, w])
            i += 1
            continue
        r -= L["rep"]
        if r < L["merge"] and i + 1 < len(words):
            nxt = words[i + 1]
            nc = re.sub(r"[^\w]", "", nxt.lower())
            plausible = ((core, nc) in COMPOUNDS or len(core) <= 3 or len(nc) <= 3) and not (
                any(ch.isdigit() for ch in core + nc))
            if plausible and not (nc in NEG or (protect_numbers and (nc.isdigit() or nc in numw))) and nc not in TOD:
                out.append(w + nxt)
                i += 2
                continue
        out.append(w)
        if rng.random() < L["fill"]:
            out.append(rng.choice(FILLERS))
        i += 1
    return out


PHON_RULES = [
    (r"^me(ng|ny|m|n)", ""), (r"^ber", ""), (r"^di", "di "), (r"nya$", ""), (r"kan$", "in"),
    (r"^se", "s"), (r"^te", "t"), (r"^pe", "p"), (r"f", "p"), (r"v", "p"), (r"z", "j"),
    (r"sy", "s"), (r"k$", ""), (r"h$", ""), (r"^h", ""), (r"ng", "n"), (r"a", "e"), (r"o", "u"),
    (r"e", "a"), (r"i", "e"), (r"u", "o"), (r"(.)\1", r"\1"), (r"b$", "p"), (r"d$", "t"),
]


def phon(word, rng):
    for _ in range(4):
        pat, rep = rng.choice(PHON_RULES)
        if re.search(pat, word):
            new = re.sub(pat, rep, word, count=1)
            if len(new) >= 2:
                return new
    return word


def style_text(text, style):
    if style == "lower":
        t = text.lower()
        t = re.sub(r"[.,?!;:\"()]", " ", t)
        return re.sub(r"\s+", " ", t).strip()
    if style == "punct":
        t = text.strip()
        return t[:1].upper() + t[1:]
    if style == "upper":
        t = re.sub(r"[.,?!;:\"()]", " ", text.upper())
        return re.sub(r"\s+", " ", t).strip()
    return text


def apply_noise(turns, rng, level, style, names):
    L = LEVEL[level]
    out = []
    for t in turns:
        words = t["text"].split()
        words = noisify_words(words, rng, L, t.get("num", False), names)
        text = " ".join(words)
        text = render_numbers(text, rng, L["words_num"] if style != "punct" else L["words_num"] / 3)
        text = style_text(text, style)
        if not text:
            text = "hmm"
        out.append(dict(t, text=text))
    # turn-level damage
    res = []
    for idx, t in enumerate(out):
        w = t["text"].split()
        if len(w) >= 10 and rng.random() < L["split_turn"] and not t.get("first"):
            k = rng.randrange(3, len(w) - 2)
            mid = t["start"] + (t["end"] - t["start"]) * k / len(w)
            res.append(dict(t, text=" ".join(w[:k]), end=round(mid, 2)))
            res.append(dict(t, text=" ".join(w[k:]), start=round(mid + 0.15, 2), first=False))
        else:
            res.append(t)
    # move a safe trailing word to the next turn (wrong segmentation)
    for i in range(len(res) - 1):
        w = res[i]["text"].split()
        if (len(w) > 3 and res[i + 1]["spk"] != res[i]["spk"] and rng.random() < L["trail"]
                and w[-1].lower().strip(".,?") in SAFE_TRAIL and not res[i].get("last")):
            res[i]["text"] = " ".join(w[:-1])
            res[i + 1]["text"] = w[-1] + " " + res[i + 1]["text"]
    # merge consecutive same-speaker turns
    merged = []
    for t in res:
        if (merged and merged[-1]["spk"] == t["spk"] and rng.random() < L["merge_turn"]
                and not t.get("first")):
            merged[-1] = dict(merged[-1], text=merged[-1]["text"] + " " + t["text"], end=t["end"],
                              last=t.get("last", False))
        else:
            merged.append(t)
    # swap speaker label of a short caller backchannel (never near start or after closing)
    last_agent = max(i for i, t in enumerate(merged) if t["spk"] == "agent")
    for i, t in enumerate(merged):
        if 4 <= i < last_agent and t["spk"] == "caller" and len(t["text"].split()) <= 2 \
                and t.get("bc") and rng.random() < L["swap"]:
            merged[i] = dict(t, spk="agent")
    return merged


# ---------------------------------------------------------------- scenario
class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def report(self, site):
        while True:
            n = "K" + site + "".join(str(self.rng.randrange(10)) for _ in range(11))
            if n not in self.used:
                self.used.add(n)
                return n

    def mobile(self):
        while True:
            n = "08" + self.rng.choice(["12", "13", "21", "22", "52", "53", "57", "77", "78", "95",
                                        "96", "81", "38", "31"]) + "".join(
                str(self.rng.randrange(10)) for _ in range(self.rng.choice([7, 8])))
            if n not in self.used:
                self.used.add(n)
                return n

    def pstn(self):
        while True:
            area = self.rng.choice(["021", "022", "024", "031", "061", "0361", "0411", "0251"])
            n = area + "".join(str(self.rng.randrange(10)) for _ in range(11 - len(area)))
            if n not in self.used:
                self.used.add(n)
                return n


def make_address(rng):
    st = rng.choice(STREET_TYPES)
    name = rng.choice(STREETS)
    no = rng.randrange(1, 120)
    rt, rw = rng.randrange(1, 15), rng.randrange(1, 12)
    kel = rng.choice(KELS)
    city = rng.choice(CITIES)
    report = f"{st[0]} {name.upper()} NO {no} RT {rt:02d} RW {rw:02d} KEL {kel.upper()} {city.upper()}"
    forms = [f"{st[1]} {name} nomor {no}, kelurahan {kel}",
             f"{st[1]} {name} nomor {no} RT {rt} RW {rw}",
             f"{st[1]} {name} {no}, {kel}, {city}",
             f"{st[1]} {name} nomor {no}, RT {rt:02d} RW {rw:02d}, kelurahan {kel}"]
    return report, forms


def fmt_ts(t):
    return t.isoformat(timespec="seconds")


def pick_start(rng, day0, band_weights):
    """A start time well inside a time-of-day band (>= 15 min from the edges)."""
    tod = rng.choices([b[0] for b in TOD_BANDS], weights=band_weights)[0]
    lo, hi = [(b[1], b[2]) for b in TOD_BANDS if b[0] == tod][0]
    minute = rng.uniform(lo + 15, hi - 25)
    day = day0 + dt.timedelta(days=rng.randrange(2))
    t = day + dt.timedelta(minutes=minute)
    return t.replace(microsecond=0), tod


class Call:
    pass


def plan_call(i, rng, ids, day0):
    c = Call()
    c.agent = rng.choice(AGENTS)
    c.agent_id, c.agent_name, c.agent_g, c.site, c.team = c.agent
    c.started, c.tod = pick_start(rng, day0, [30, 27, 22, 21])
    r = rng.random()
    c.path = (FIRST if r < 0.34 else TUSBUNG if r < 0.42 else RESOLVED if r < 0.60
              else LT12 if r < 0.77 else GE12)
    c.notice = c.escalated = False
    if c.path == GE12:
        q = rng.random()
        c.notice = q < 0.22
        c.escalated = (0.12 < q < 0.22 and rng.random() < 0.5) or (0.22 <= q < 0.35)
    c.urgent = rng.random() < 0.12 and not (c.notice or c.escalated)
    c.urgent_cue = rng.choice(URGENT_CUES) if c.urgent else None
    # caller
    c.cg = rng.choice("mf")
    first = rng.choice(MALE if c.cg == "m" else FEMALE)
    c.cfirst, c.cfull = first, first + " " + rng.choice(LAST)
    c.H = "Bapak" if c.cg == "m" else "Ibu"
    c.h = "Pak" if c.cg == "m" else "Bu"
    kind = rng.choices(["mobile", "pstn", "hidden"], weights=[62, 25, 13])[0]
    c.phone_kind = kind
    c.own_mobile = ids.mobile()
    if kind == "mobile":
        base = c.own_mobile
        c.caller_number = rng.choice([base, base, base, "+62" + base[1:], "62" + base[1:]])
        c.report_phone = base
    elif kind == "pstn":
        base = ids.pstn()
        c.caller_number = rng.choice([base, base, "+62" + base[1:]])
        c.report_phone = base
    else:
        c.caller_number = ""
        c.report_phone = c.own_mobile
    c.crm = (kind != "hidden" and rng.random() < 0.3)
    c.prob = TUSBUNG_PROBLEM if c.path == TUSBUNG else rng.choice(PROBLEMS)
    c.addr_report, c.addr_forms = make_address(rng)
    # prior report
    c.prior = None
    if c.path in (RESOLVED, LT12, GE12):
        p = {}
        p["no"] = ids.report(rng.choice([c.site, c.site, "51", "53", "32"]))
        if c.path == LT12:
            age = dt.timedelta(minutes=rng.uniform(25, 11 * 60))
        elif c.path == GE12:
            age = dt.timedelta(minutes=rng.uniform(13 * 60, 6 * 24 * 60))
        else:
            age = dt.timedelta(minutes=rng.uniform(6 * 60, 10 * 24 * 60))
        p["created"] = (c.started - age).replace(microsecond=0)
        if c.path == RESOLVED:
            span = (c.started - p["created"]).total_seconds()
            p["resolved"] = p["created"] + dt.timedelta(seconds=rng.uniform(0.15, 0.85) * span)
            p["resolved"] = p["resolved"].replace(microsecond=0)
            ans = rng.choice(RESOLVED_ANSWERS + [RESOLVED_SPECIFIC.get(c.prob[0], RESOLVED_ANSWERS[0])] * 2)
        else:
            # some open reports get resolved after the call (still open at call time)
            p["resolved"] = (c.started + dt.timedelta(minutes=rng.uniform(40, 900))).replace(
                microsecond=0) if rng.random() < 0.15 else None
            ans = rng.choice(OPEN_ANSWERS)
        p["answer"], p["answer_spoken"] = ans
        p["category"] = c.prob[1]
        same_name = rng.random() < 0.85
        if same_name:
            p["name"] = c.cfull
        else:
            g = "m" if c.cg == "f" else "f"
            p["name"] = rng.choice(MALE if g == "m" else FEMALE) + " " + c.cfull.split()[1]
        p["phone"] = c.report_phone
        p["escalated"] = None
        if c.escalated:
            p["escalated"] = (p["created"] + (c.started - p["created"]) * rng.uniform(0.3, 0.9)).replace(
                microsecond=0)
        c.prior = p
    c.new_no = ids.report(c.site) if c.path in (FIRST, TUSBUNG, RESOLVED) else None
    c.eta_asked = rng.random() < 0.45
    return c


def decide_labels(c, rng):
    lab = {}
    var = {}
    first_path = c.path in (FIRST, TUSBUNG)

    def fail(p=0.12):
        return rng.random() < p

    def near():
        return rng.random() < 0.36

    # greeting
    if fail():
        lab["greeting"] = "FAIL"
        var["greeting"] = rng.choice(["wrong_tod", "wrong_tod", "no_name", "no_pln", "no_offer"]) \
            if near() else "missing"
    else:
        lab["greeting"] = "PASS"
    # caller name: only failed on first-report paths (on repeat paths the report name is confirmed)
    if first_path and fail(0.26):
        lab["caller_name"] = "FAIL"
        var["caller_name"] = "near" if (not c.crm and near()) else "missing"
    else:
        lab["caller_name"] = "PASS"
    # prior report question
    if fail(0.11):
        lab["prior_report_question"] = "FAIL"
        var["prior_report_question"] = "no_id" if (not first_path and rng.random() < 0.5) else "missing"
    else:
        lab["prior_report_question"] = "PASS"
    # data verification
    if first_path:
        lab["data_verification"] = "NA"
    elif fail(0.13):
        lab["data_verification"] = "FAIL"
        var["data_verification"] = "near" if rng.random() < 0.45 else "missing"
    else:
        lab["data_verification"] = "PASS"
    # empathy
    if fail():
        lab["empathy"] = "FAIL"
        var["empathy"] = "near" if near() else "missing"
    else:
        lab["empathy"] = "PASS"
    # status update
    if first_path:
        lab["status_update"] = "NA"
    elif fail(0.13):
        lab["status_update"] = "FAIL"
        var["status_update"] = "near" if near() else "missing"
    else:
        lab["status_update"] = "PASS"
    # phone verification
    if fail():
        lab["phone_verification"] = "FAIL"
        var["phone_verification"] = "near" if (c.phone_kind == "pstn" and rng.random() < 0.6) else "missing"
    else:
        lab["phone_verification"] = "PASS"
    # clarity
    if fail():
        lab["clarity_check"] = "FAIL"
        var["clarity_check"] = "near" if near() else "missing"
    else:
        lab["clarity_check"] = "PASS"
    # eta
    if not c.eta_asked:
        lab["eta_3x24"] = "NA"
        var["eta_volunteer"] = rng.random() < 0.15
    elif fail(0.14):
        lab["eta_3x24"] = "FAIL"
        var["eta_3x24"] = rng.choice(["wrong", "wrong", "vague"]) if rng.random() < 0.5 else "missing"
    else:
        lab["eta_3x24"] = "PASS"
    # guarantee
    if fail():
        lab["service_guarantee"] = "FAIL"
        var["service_guarantee"] = "near" if near() else "missing"
    else:
        lab["service_guarantee"] = "PASS"
    # closing
    if fail():
        lab["closing"] = "FAIL"
        var["closing"] = rng.choice(["no_campaign", "wrong_tod", "no_thanks"]) if near() else "missing"
    else:
        lab["closing"] = "PASS"
    # forbidden
    if fail(0.04):
        lab["forbidden_phrases"] = "FAIL"
        var["forbidden_phrases"] = rng.choice(FORBIDDEN)
    else:
        lab["forbidden_phrases"] = "PASS"
    # ---- actions
    act = "ok"
    if fail(0.11):
        act = {FIRST: ["no_create"], TUSBUNG: ["ok"], RESOLVED: ["no_ref", "no_ref", "no_create"],
               LT12: ["extra_lu", "extra_create", "nothing"] if not c.urgent else ["extra_create"],
               GE12: ["extra_create", "update_instead", "nothing"]}[c.path]
        act = rng.choice(act)
    note = "ok"
    if act == "ok" and c.path == LT12 and fail(0.08):
        note = "empty"
    if act == "ok" and c.path == GE12 and fail(0.12):
        note = rng.choice(["no_cc", "wrong_cc"])
    if act == "nothing" and (not c.caller_number or c.prior["resolved"]):
        act = "extra_create"  # the fallback by phone needs a caller number
    var["act"], var["note"] = act, note
    if act == "ok":
        lab["apkt_action"] = "PASS"
    else:
        lab["apkt_action"] = "FAIL"
    if c.path in (FIRST, TUSBUNG):
        lab["apkt_note"] = "NA"
    elif c.path == RESOLVED:
        lab["apkt_note"] = "FAIL" if act in ("no_ref", "no_create") else "PASS"
    elif c.path == LT12:
        lab["apkt_note"] = "FAIL" if (note == "empty" or act == "nothing") else "PASS"
    else:
        lab["apkt_note"] = "FAIL" if (note != "ok" or act in ("update_instead", "nothing")) else "PASS"
    # SIMONE
    sim = "ok"
    if fail(0.11):
        if c.path in (FIRST, TUSBUNG, LT12):
            sim = "missing" if c.urgent else rng.choice(["extra_urgent", "extra_tmp", "extra_ts"])
        elif c.path == RESOLVED:
            sim = rng.choice(["missing", "wrong_no", "wrong_type"])
        else:
            sim = rng.choice(["missing", "wrong_type", "double"]) if not c.notice else rng.choice(
                ["missing", "ignore_notice"])
            if c.escalated and sim == "wrong_type":
                sim = "ignore_notice"
    # a repeat-resolved or first-report call without a new report cannot escalate the new number
    if act == "no_create" and (c.path == RESOLVED or c.urgent):
        sim = "missing"
    if c.path in (FIRST, TUSBUNG, LT12) and not c.urgent and sim == "missing":
        sim = "ok"
    var["sim"] = sim
    lab["simone_escalation"] = "PASS" if sim == "ok" else "FAIL"
    # ticket number
    if act == "no_create":
        lab["ticket_number"] = "FAIL"
        var["ticket_number"] = "sms"
    elif fail():
        lab["ticket_number"] = "FAIL"
        if c.path == RESOLVED and near():
            var["ticket_number"] = "old"
        elif c.path in (FIRST, TUSBUNG) and near():
            var["ticket_number"] = "sms"
        else:
            var["ticket_number"] = "missing"
    else:
        lab["ticket_number"] = "PASS"
    return lab, var


# ---------------------------------------------------------------- dialogue
class Dialog:
    def __init__(self, rng, c):
        self.rng = rng
        self.c = c
        self.turns = []
        self.t = rng.uniform(0.2, 1.8)

    def say(self, spk, text, gap=None, num=False, bc=False, **kw):
        rng = self.rng
        c = self.c
        text = text.replace("{H}", c.H).replace("{h}", c.h)
        if spk == "caller" and c.agent_g == "m":
            text = re.sub(r"\bmbak\b", "mas", text)
        n = max(1, len(text.split()))
        dur = n * rng.uniform(0.32, 0.45) + 0.3
        if gap is None:
            gap = rng.uniform(0.2, 1.4)
        start = self.t + (gap if self.turns else 0)
        end = start + dur
        self.turns.append(dict(spk=spk, start=round(start, 2), end=round(end, 2), text=text, num=num,
                               bc=bc, **kw))
        self.t = end
        return self

    def a(self, text, **kw):
        return self.say("agent", text, **kw)

    def u(self, text, **kw):
        return self.say("caller", text, **kw)

    def bc(self):
        return self.u(self.rng.choice(BACKCH), bc=True, gap=self.rng.uniform(0.1, 0.5))

    def hold(self):
        self.a(self.rng.choice(HOLD))
        self.u(self.rng.choice(["iya", "baik", "oke mbak", "ya"]), bc=True)
        self.t += self.rng.uniform(4, 22)
        self.a(self.rng.choice(HOLD_BACK))


def agent_says_name(c, lab):
    """Whether the agent knows / may use the caller's name in later turns."""
    return lab["caller_name"] == "PASS"


def build_dialog(c, lab, var, rng):
    d = Dialog(rng, c)
    R = rng.choice
    # ---- 1 greeting
    tod = c.tod
    g = lab["greeting"]
    gv = var.get("greeting")
    fill = lambda s, t=tod: s.replace("{tod}", t).replace("{ag}", c.agent_name)
    if g == "PASS":
        if rng.random() < 0.15:
            a1, a2 = R(GREET_SPLIT)
            d.a(fill(a1), first=True)
            d.u(R(["halo", "halo?", "iya halo"]), bc=True, gap=0.3)
            d.a(fill(a2))
        else:
            d.a(fill(R(GREET_PASS)), first=True)
    elif gv == "wrong_tod":
        wrong = R([b[0] for b in TOD_BANDS if b[0] != tod])
        d.a(fill(R(GREET_PASS), wrong), first=True)
    elif gv == "no_name":
        d.a(fill(R(GREET_NO_NAME)), first=True)
    elif gv == "no_pln":
        d.a(fill(R(GREET_NO_PLN)), first=True)
    elif gv == "no_offer":
        d.a(fill(R(GREET_NO_OFFER)), first=True)
        d.u(R(["halo", "iya halo mbak"]), bc=True)
    else:
        d.a(R(GREET_MISSING), first=True)
    # ---- caller opening
    pdesc = R(c.prob[3])
    if c.path in (RESOLVED,) and rng.random() < 0.5:
        opener = R(["Kemarin katanya sudah beres, tapi kok {p} lagi.",
                    "Ini masalah lama muncul lagi, {p}.", "Saya mau komplain lagi nih, {p}."]).replace("{p}", pdesc)
    elif c.path in (LT12, GE12) and rng.random() < 0.5:
        opener = R(["Saya mau nanyain laporan saya, {p}, kok belum ada yang datang.",
                    "Iya, ini {p}, sampai sekarang belum ada petugas.",
                    "Mau tanya aja, soal {p} ini gimana kelanjutannya?"]).replace("{p}", pdesc)
    else:
        opener = R(["Iya {x}, {p}.", "Halo {x}, gini, {p}.", "{p}.", "Selamat {tod}, saya mau lapor, {p}.",
                    "Iya, mau lapor {x}, {p}."]).replace("{p}", pdesc).replace(
            "{x}", "mbak" if c.agent_g == "f" else "mas").replace("{tod}", tod)
    d.u(opener[0].upper() + opener[1:])
    if c.urgent and rng.random() < 0.6:
        d.u(c.urgent_cue, gap=0.3)
        cue_said = True
    else:
        cue_said = False
    # ---- 2 caller name
    use_name = agent_says_name(c, lab)
    nm = f" {c.h} {c.cfirst}" if use_name and rng.random() < 0.6 else ""
    if lab["caller_name"] == "PASS":
        if c.crm:
            d.a(R(CRM_ADDRESS).replace("{cn}", c.cfirst if rng.random() < 0.6 else c.cfull))
        else:
            if rng.random() < 0.12:
                a1, a2 = R(ASK_NAME_SPLIT)
                d.a(a1)
                d.bc()
                d.a(a2)
            else:
                d.a(R(ASK_NAME))
            d.u(R(CALLER_NAME_ANS).replace("{full}", c.cfull).replace("{first}", c.cfirst))
    elif var["caller_name"] == "near":
        d.a(R(NAME_NEAR))
        d.u(R(["Di " + c.addr_forms[0] + ".", "Di " + c.addr_forms[2] + "."]))
    # ---- empathy placement early
    emp_early = rng.random() < 0.4

    def do_empathy():
        if lab["empathy"] == "PASS":
            if rng.random() < 0.15:
                a1, a2 = R(EMPATHY_SPLIT)
                d.a(a1)
                d.bc()
                d.a(a2)
            else:
                d.a(R(EMPATHY))
        elif var["empathy"] == "near":
            txt = R(EMPATHY_NEAR)
            if txt.startswith("Maaf menunggu"):
                d.hold()
                d.a(txt)
            else:
                d.a(txt)
                d.u(R(["Iya, " + pdesc + ".", "Ini lho, " + pdesc + "."]))

    if emp_early:
        do_empathy()
    # ---- 3 prior report question
    repeat = c.path in (RESOLVED, LT12, GE12)
    pq = lab["prior_report_question"]
    pv = var.get("prior_report_question")
    if pq == "PASS" or pv == "no_id":
        d.a(R(ASK_PRIOR))
        if repeat:
            age_h = (c.started - c.prior["created"]).total_seconds() / 3600
            d.u(R(CALLER_YES_ANY + (CALLER_YES_RECENT if age_h < 10 else CALLER_YES_OLD if age_h > 30 else [])))
            if pq == "PASS":
                d.a(R(ASK_PRIOR_ID))
                how = rng.random()
                if how < 0.45:
                    d.u("Nomornya " + speak_report_no(c.prior["no"], rng) + ".", num=True)
                elif how < 0.75 and c.caller_number:
                    d.u(R(["Pakai nomor yang ini juga.", "Lewat nomor ini kok mbak.", "Dari nomor ini."]))
                else:
                    d.u(R(["Nomornya saya lupa, tapi waktu itu pakai nomor", "Waduh nomor laporannya hilang, nomor telepon saya aja ya"]) +
                        " " + speak_phone(c.report_phone, rng) + ".", num=True)
            else:
                d.a(R(PRIOR_ID_NEAR))
        else:
            d.u(R(CALLER_NO))
    if not repeat:
        # collect details of the new report
        d.a(R(["Baik, boleh disebutkan alamat lengkapnya {h}?", "Lokasinya di mana {h}?",
               "Untuk alamat lokasinya di mana ya {h}?", "Alamat rumahnya boleh dibantu {h}?"]))
        d.u(R(c.addr_forms).capitalize() + R(["", ", dekat masjid", ", samping warung", ", depan sekolah"]) + ".")
        if rng.random() < 0.5:
            if rng.random() < 0.6:
                d.a(R(["Ada acuan lokasinya {h}?", "Patokannya dekat apa {h}?", "Dekat apa rumahnya {h}?"]))
                d.u(R(["Dekat pos ronda.", "Seberang minimarket.", "Belakang kantor kelurahan.",
                       "Sebelah bengkel motor."]))
            else:
                d.a(R(["Baik, ID pelanggannya ada {h}?", "Boleh dibantu ID pelanggan atau nomor meternya {h}?"]))
                d.u(R(["Ada, sebentar ya, ", "Ini, ", "Nomor meternya "]) +
                    "".join(str(rng.randrange(10)) for _ in range(12)) + ".", num=True)
        if c.path == TUSBUNG:
            d.a(R(["Pembayarannya kapan dilakukan {h}?", "Sudah dilunasi semua tunggakannya {h}?"]))
            d.u(R(["Tadi siang, lewat minimarket.", "Udah, semua sudah lunas, ada buktinya.",
                   "Kemarin sore sudah lunas."]))
    else:
        d.hold()
        # ---- 4 data verification
        p = c.prior
        pn = (("Bapak " if p["name"].split()[0] in MALE else "Ibu ") + p["name"]) if rng.random() < 0.6 else p["name"]
        addr = R(c.addr_forms)
        probs = R(c.prob[2])
        if lab["data_verification"] == "PASS":
            seq = R(VERIFY_FULL)
        elif var["data_verification"] == "near":
            seq = R(VERIFY_NEAR)
        else:
            seq = []
        for s in seq:
            s = s.replace("{pn}", pn).replace("{addr}", addr).replace("{prob}", probs)
            if s.startswith("@"):
                d.u(s[1:], bc=True)
            else:
                d.a(s)
        if seq:
            d.u(R(["Iya betul.", "Betul mbak.", "Iya, itu.", "Bener.", "Iya sesuai."]))
        # ---- 6 status update
        if not emp_early:
            do_empathy()
            emp_done = True
        else:
            emp_done = True
        if lab["status_update"] == "PASS":
            if c.path == RESOLVED:
                ans = p["answer_spoken"]
                ans = (", " + R(["keterangannya ", "catatannya ", ""]) + ans) if ans else ""
                d.a(R(STATUS_RES).replace("{ans}", ans))
            elif p["answer_spoken"]:
                d.a(R(STATUS_OPEN_ANS).replace("{ans}", p["answer_spoken"]))
            else:
                d.a(R(STATUS_OPEN_NOANS))
            d.u(R(["Oh gitu.", "Hmm, iya.", "Terus gimana dong?", "Kok lama ya.", "Ya udah deh."]))
        elif var["status_update"] == "near":
            d.a(R(STATUS_NEAR))
            d.u(R(["Ya.", "Oke.", "Hmm."]), bc=True)
    if not repeat and not emp_early:
        do_empathy()
    if c.urgent and not cue_said:
        d.u(c.urgent_cue)
    if c.urgent and lab["service_guarantee"] == "PASS" and rng.random() < 0.5:
        d.a(R(["Baik {h}, kami catat sebagai kondisi darurat.", "Baik {h}, informasinya kami catat."]))
    # small talk
    if rng.random() < 0.35:
        d.u(R(CALLER_SMALLTALK))
    if rng.random() < 0.15:
        d.u(R(["Halo? Mbak? Masih di situ?", "Halo, halo?"]) if c.agent_g == "f" else R(["Halo? Mas?", "Halo, halo?"]))
        d.a(R(["Iya {h}, masih tersambung.", "Iya {h}, saya masih di sini."]))
    # ---- 7 phone verification
    if lab["phone_verification"] == "PASS":
        if c.phone_kind == "mobile":
            d.a(R(PHONE_MOBILE))
            if rng.random() < 0.12:
                d.u(R(["Wah, nomor ini kadang gak aktif.", "Jangan yang ini, sering mati."]))
                d.a(R(["Bisa dibantu nomor HP lain yang dapat dihubungi {h}?", "Ada nomor lain yang aktif {h}?"]))
                d.u(speak_phone(ids_other_mobile(rng), rng) + ".", num=True)
            else:
                d.u(R(["Bisa, bisa.", "Iya bisa mbak.", "Bisa, aktif kok.", "Iya, nomor ini aja."]))
        else:
            d.a(R(PHONE_HIDDEN if c.phone_kind == "hidden" and rng.random() < 0.5 else PHONE_PSTN))
            d.u(R(["Nomor saya ", "Ini, ", "", "Catat ya, "]) + speak_phone(c.own_mobile, rng) + ".", num=True)
    elif var["phone_verification"] == "near":
        d.a(R(PHONE_PSTN_NEAR))
        d.u(R(["Bisa, ini telepon rumah.", "Iya bisa, saya di rumah terus."]))
    # ---- 9b ETA (caller asks)
    def do_eta():
        if not c.eta_asked:
            return
        d.u(R(ETA_ASK))
        e = lab["eta_3x24"]
        if e == "PASS":
            d.a(R(ETA_PASS).replace("{eta}", R(ETA_FORMS)), num=True)
        else:
            v = var["eta_3x24"]
            if v == "wrong":
                d.a(R(ETA_PASS).replace("{eta}", R(ETA_WRONG)), num=True)
            elif v == "vague":
                d.a(R(ETA_VAGUE))
            else:
                d.a(R(["Baik {h}.", "Iya {h}, ditunggu ya."]))
        d.u(R(["Oke deh.", "Ya udah.", "Hmm, lama juga ya.", "Iya."]))
    eta_early = rng.random() < 0.5
    if eta_early:
        do_eta()
    # ---- 10 guarantee
    if lab["service_guarantee"] == "PASS":
        if rng.random() < 0.12:
            a1, a2 = R(GUARANTEE_SPLIT)
            d.a(a1)
            d.bc()
            d.a(a2)
        else:
            d.a(R(GUARANTEE))
        if rng.random() < 0.5:
            d.u(R(["Iya tolong ya.", "Oke, makasih.", "Iya, cepetan ya."]))
    elif var["service_guarantee"] == "near":
        d.a(R(GUARANTEE_NEAR))
    if var.get("eta_volunteer") and not c.eta_asked:
        d.a(R(["Estimasi penyelesaiannya maksimal {eta} ya {h}."]).replace("{eta}", R(ETA_FORMS)), num=True)
    if not eta_early:
        do_eta()
    # ---- 11 ticket number
    tk = lab["ticket_number"]
    tv = var.get("ticket_number")
    creates = c.path in (FIRST, TUSBUNG, RESOLVED)
    if tk == "PASS":
        if creates:
            no = speak_report_no(c.new_no, rng)
            if rng.random() < 0.2:
                a1, a2 = R(TICKET_NEW_SPLIT)
                d.a(a1)
                d.u(R(["Sebentar... oke.", "Iya, silakan.", "Tunggu, ambil pulpen dulu. Oke."]), bc=True)
                d.a(a2.replace("{no}", no), num=True)
            else:
                d.a(R(TICKET_NEW).replace("{no}", no), num=True)
            if c.path == RESOLVED:
                if rng.random() < 0.4:
                    d.u(R(["Kok nomornya beda sama yang kemarin?", "Lho, nomornya ganti?"]))
                d.a(R(TICKET_LINK).strip())
            if rng.random() < 0.3:
                d.u(R(["Bisa diulang?", "Diulang dong, tadi kurang jelas."]))
                d.a("Baik, " + speak_report_no(c.new_no, rng) + ".", num=True)
        else:
            d.a(R(TICKET_OLD).replace("{old}", speak_report_no(c.prior["no"], rng)), num=True)
    elif tv == "old":
        d.a(R(["Nomor laporannya masih {old} ya {h}.", "Mohon dicatat, nomor laporannya {old}."]).replace(
            "{old}", speak_report_no(c.prior["no"], rng)), num=True)
    elif tv == "sms":
        d.a(R(TICKET_NEAR_SMS))
    # ---- 9 clarity
    if lab["clarity_check"] == "PASS":
        d.a(R(CLARITY))
        d.u(R(CALLER_CLEAR))
    elif var["clarity_check"] == "near":
        d.a(R(CLARITY_NEAR))
        d.u(R(["Gak, itu aja.", "Udah cukup itu aja.", "Enggak mbak."]))
    if lab["forbidden_phrases"] == "FAIL":
        d.a(var["forbidden_phrases"])
    # ---- 12 closing
    cl = lab["closing"]
    cv = var.get("closing")
    nmc = nm
    if cl == "PASS" or cv in ("wrong_tod", "no_campaign", "no_thanks"):
        t2 = tod if cv != "wrong_tod" else R([b[0] for b in TOD_BANDS if b[0] != tod])
        camp = R(CLOSE_CAMPAIGN)
        thanks = R(CLOSE_THANKS).replace("{tod}", t2).replace("{nm}", nmc)
        if cv == "no_campaign":
            d.a(thanks, last=True)
        elif cv == "no_thanks":
            d.a(camp)
            d.u(R(["Oh iya.", "Oke."]), bc=True)
            d.a(R(CLOSE_NO_THANKS).replace("{tod}", t2).replace("{nm}", nmc), last=True)
        elif rng.random() < 0.35:
            d.a(camp)
            d.u(R(["Oh iya, nanti saya download.", "Iya.", "Oke mbak."]), bc=True)
            d.a(thanks, last=True)
        else:
            d.a(camp + " " + thanks, last=True)
        if rng.random() < 0.5:
            d.u(R(["Iya makasih.", "Sama-sama, selamat " + tod + ".", "Oke, makasih ya."]))
    else:
        d.a(R(["Baik {h}.", "Oke {h}, ditunggu ya."]), last=True)
        d.u(R(["Iya.", "Ya udah, makasih."]))
    return d.turns


_other = random.Random(7)


def ids_other_mobile(rng):
    return "08" + "".join(str(rng.randrange(10)) for _ in range(10))


# ---------------------------------------------------------------- actions
def build_actions(c, lab, var, rng, duration):
    rows = []
    t0 = c.started

    def at(frac):
        return t0 + dt.timedelta(seconds=int(duration * frac))

    def row(frac, system, action, report_no="", ref="", cat="", esc="", note=""):
        rows.append(dict(call_id=c.call_id, at=fmt_ts(at(frac)), system=system, action=action,
                         report_no=report_no, ref_report_no=ref, category=cat, escalation_type=esc, note=note))

    act, note, sim = var["act"], var["note"], var["sim"]
    prob = c.prob[0]
    site, name = c.site, c.agent_name.upper()
    p = c.prior
    if c.path in (FIRST, TUSBUNG):
        if act != "no_create":
            row(0.7, "APKT", "create", c.new_no, "", c.prob[1], "",
                prob + rng.choice(["", " " + c.addr_report[:40], ", HP " + c.own_mobile]))
        target = c.new_no
    elif c.path == RESOLVED:
        row(0.35, "APKT", "search", p["no"])
        if act == "ok":
            style = rng.randrange(3)
            if style == 0:
                row(0.72, "APKT", "create", c.new_no, p["no"], p["category"], "",
                    f"{prob} LAPORAN TERKAIT K: {p['no'][1:]}")
            elif style == 1:
                row(0.72, "APKT", "create", c.new_no, "", p["category"], "",
                    f"{prob} LAPORAN TERKAIT K: {p['no'][1:]}")
            else:
                row(0.72, "APKT", "create", c.new_no, p["no"], p["category"], "",
                    f"{prob} LAPOR ULANG, SEBELUMNYA SUDAH SELESAI")
        elif act == "no_ref":
            row(0.72, "APKT", "create", c.new_no, "", p["category"], "", f"{prob} PELANGGAN LAPOR KEMBALI")
        target = c.new_no
    else:
        if rng.random() < 0.7 and act != "nothing":
            row(0.35, "APKT", "search", p["no"])
        info = rng.choice(["PELANGGAN KONFIRMASI ULANG", "PELANGGAN MENANYAKAN PROGRES",
                           "PELANGGAN MENGHUBUNGI KEMBALI"]) + ", " + rng.choice(
            ["MASIH " + prob, "BELUM ADA PETUGAS DATANG", "MENUNGGU KONFIRMASI PETUGAS"]) + (
            ", HP " + c.own_mobile if rng.random() < 0.5 else "")
        if c.path == LT12:
            if act != "nothing":
                row(0.7, "APKT", "update", p["no"], "", "", "", "" if note == "empty" else info)
            if act == "extra_lu":
                row(0.74, "APKT", "lapor_ulang", p["no"], "", "", "", info)
            if act == "extra_create":
                row(0.76, "APKT", "create", c.new_no or "", p["no"], p["category"], "", info)
        else:
            cc = f"CC.{site}.{name}"
            if note == "no_cc":
                n2 = info
            elif note == "wrong_cc":
                other = rng.choice([a for a in AGENTS if a[1] != c.agent_name])
                n2 = info + ", " + rng.choice([f"CC.{other[3]}.{other[1].upper()}" if other[3] != site
                                                else f"CC.{other[3]}.{other[1].upper()}",
                                                f"CC.{'11' if site != '11' else '12'}.{name}"])
            else:
                n2 = info + ", " + cc
            if act in ("ok", "extra_create"):
                row(0.7, "APKT", "lapor_ulang", p["no"], "", "", "", n2)
            if act == "extra_create":
                row(0.76, "APKT", "create", c.new_no or "", p["no"], p["category"], "", info)
            if act == "update_instead":
                row(0.7, "APKT", "update", p["no"], "", "", "", info)
        target = p["no"]
    if act == "extra_create" and c.new_no is None:
        # fill the extra create's number (a new report the path did not call for)
        for r in rows:
            if r["action"] == "create" and not r["report_no"]:
                r["report_no"] = c.extra_no
    # SIMONE
    def esc(typ, no, frac=0.85):
        row(frac, "SIMONE", "escalate", no, "", "", typ, "")
    if c.path in (FIRST, TUSBUNG, LT12):
        if c.urgent and sim == "ok":
            esc("URGENT", target)
        elif sim == "extra_urgent":
            esc("URGENT", target)
        elif sim == "extra_tmp":
            esc("MELEBIHI_TMP", target)
        elif sim == "extra_ts":
            esc("TIDAK_SEMESTINYA", target)
    elif c.path == RESOLVED:
        if sim == "ok":
            esc("URGENT" if (c.urgent and rng.random() < 0.5) else "TIDAK_SEMESTINYA", c.new_no)
        elif sim == "wrong_no":
            esc("TIDAK_SEMESTINYA", p["no"])
        elif sim == "wrong_type":
            esc("MELEBIHI_TMP", c.new_no)
    else:
        needs_lu = c.notice or c.escalated
        if c.notice:
            row(0.82, "SIMONE", "notice", p["no"], "", "", "", NOTICE_TEXT)
        if sim == "ok":
            if needs_lu:
                esc("LAPOR_ULANG", p["no"])
            else:
                esc("URGENT" if (c.urgent and rng.random() < 0.5) else "MELEBIHI_TMP", p["no"])
        elif sim == "wrong_type":
            esc("TIDAK_SEMESTINYA", p["no"])
        elif sim == "double":
            esc("MELEBIHI_TMP", p["no"])
            esc("TIDAK_SEMESTINYA", p["no"], 0.9)
        elif sim == "ignore_notice":
            esc("MELEBIHI_TMP", p["no"])
    return rows


# ---------------------------------------------------------------- writers
def ts_mmss(s):
    m, sec = divmod(s, 60)
    return f"{int(m):02d}:{sec:05.2f}"


def ts_hms(s, sep="."):
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    ms = int(round((sec - int(sec)) * 1000))
    if ms == 1000:
        ms = 999
    return f"{int(h):02d}:{int(m):02d}:{int(sec):02d}{sep}{ms:03d}"


def write_txt(path, turns, rng):
    la = rng.choice(["CSO", "AGENT", "Agent", "OPERATOR", "cso"])
    lc = rng.choice(["PELANGGAN", "CALLER", "Customer", "PENELEPON", "pelanggan"])
    stamp = rng.choice(["mmss", "hms", "none", "mmss"])
    lines = []
    for t in turns:
        lab = la if t["spk"] == "agent" else lc
        pre = {"mmss": f"[{ts_mmss(t['start'])}] ", "hms": f"[{ts_hms(t['start'])}] ", "none": ""}[stamp]
        words = t["text"].split()
        if len(words) > 14 and rng.random() < 0.3:
            k = rng.randrange(6, len(words) - 4)
            lines.append(f"{pre}{lab}: {' '.join(words[:k])}")
            lines.append(" ".join(words[k:]))
        else:
            lines.append(f"{pre}{lab}: {t['text']}")
        if rng.random() < 0.08:
            lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_vtt(path, turns, rng, anonymous):
    if anonymous:
        names = rng.choice([("SPEAKER_00", "SPEAKER_01"), ("SPEAKER_01", "SPEAKER_00"), ("spk_0", "spk_1")])
    else:
        names = rng.choice([("Agent", "Customer"), ("CSO", "Pelanggan"), ("Operator", "Penelepon")])
    long = rng.random() < 0.5
    out = ["WEBVTT", ""]
    for t in turns:
        a, b = (ts_hms(t["start"]), ts_hms(t["end"])) if long else (
            ts_mmss_ms(t["start"]), ts_mmss_ms(t["end"]))
        out.append(f"{a} --> {b}")
        nm = names[0] if t["spk"] == "agent" else names[1]
        out.append(f"<v {nm}>{t['text']}")
        out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def ts_mmss_ms(s):
    m, sec = divmod(s, 60)
    ms = int(round((sec - int(sec)) * 1000))
    if ms == 1000:
        ms = 999
    return f"{int(m):02d}:{int(sec):02d}.{ms:03d}"


def write_srt(path, turns, rng):
    la = rng.choice(["AGENT", "CSO", "Operator"])
    lc = rng.choice(["CUSTOMER", "PELANGGAN", "Caller"])
    out = []
    for i, t in enumerate(turns, 1):
        out.append(str(i))
        out.append(f"{ts_hms(t['start'], ',')} --> {ts_hms(t['end'], ',')}")
        out.append(f"{la if t['spk'] == 'agent' else lc}: {t['text']}")
        out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_tca(path, turns, rng, call_id):
    tr = []
    for i, t in enumerate(turns):
        tr.append({"Id": f"{call_id.lower()}-{i:03d}", "ParticipantRole": "AGENT" if t["spk"] == "agent" else "CUSTOMER",
                   "BeginOffsetMillis": int(t["start"] * 1000), "EndOffsetMillis": int(t["end"] * 1000),
                   "Content": t["text"], "Sentiment": rng.choice(["NEUTRAL", "NEUTRAL", "NEGATIVE", "POSITIVE"])})
    doc = {"JobStatus": "COMPLETED", "LanguageCode": "id-ID", "Channel": "VOICE",
           "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
           "ContentMetadata": {"Output": "Raw"}, "Transcript": tr}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


def write_transcribe(path, turns, rng, call_id):
    """Standard Amazon Transcribe JSON with diarization (spk_N labels; the agent is the one who greets)."""
    agent_lab, caller_lab = rng.choice([("spk_0", "spk_1"), ("spk_1", "spk_0")])
    items, segs = [], []
    for t in turns:
        lab = agent_lab if t["spk"] == "agent" else caller_lab
        words = t["text"].split()
        step = (t["end"] - t["start"]) / max(1, len(words))
        seg_items = []
        for k, w in enumerate(words):
            m = re.match(r"^(.*?)([.,?!]*)$", w)
            core, punct = m.group(1), m.group(2)
            st, en = t["start"] + k * step, t["start"] + (k + 1) * step - 0.02
            if core:
                it = {"start_time": f"{st:.2f}", "speaker_label": lab, "end_time": f"{en:.2f}",
                      "alternatives": [{"confidence": f"{rng.uniform(0.55, 1.0):.4f}", "content": core}],
                      "type": "pronunciation"}
                items.append(it)
                seg_items.append({"start_time": it["start_time"], "speaker_label": lab, "end_time": it["end_time"]})
            for p in punct[:1]:
                items.append({"alternatives": [{"confidence": "0.0", "content": p}], "type": "punctuation"})
        segs.append({"start_time": f"{t['start']:.2f}", "speaker_label": lab, "end_time": f"{t['end']:.2f}",
                     "items": seg_items})
    doc = {"jobName": call_id, "accountId": "000000000000", "status": "COMPLETED",
           "results": {"transcripts": [{"transcript": " ".join(t["text"] for t in turns)}],
                       "speaker_labels": {"channel_label": "ch_0", "speakers": 2, "segments": segs},
                       "items": items}}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def write_csv(path, fields, rows, gz=False):
    import io
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=fields)
    w.writeheader()
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode("utf-8")
    if gz:
        # mtime=0 and no file name in the header: byte-identical output per seed
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


# ---------------------------------------------------------------- main
def generate(n, seed, noise, out, debug=None):
    rng = random.Random(seed)
    ids = Ids(random.Random(seed * 7919 + 1))
    day0 = dt.datetime(2026, 11, 20, tzinfo=TZ)
    os.makedirs(os.path.join(out, "transcripts"), exist_ok=True)
    calls = []
    order = list(range(n))
    rng.shuffle(order)
    for i in range(n):
        c = plan_call(i, rng, ids, day0)
        c.call_id = f"PLN-{order[i] + 1:05d}"
        c.extra_no = ids.report(c.site)
        calls.append(c)
    call_rows, act_rows, rep_rows, truth, exp, bundle = [], [], [], [], [], []
    names = {a[1].lower() for a in AGENTS}
    for c in calls:
        crng = random.Random(f"{seed}:{c.call_id}")
        lab, var = decide_labels(c, crng)
        turns = build_dialog(c, lab, var, crng)
        style = crng.choices(["lower", "punct", "upper"], weights=[70, 24 if noise < 3 else 18, 6])[0]
        nturns = apply_noise(turns, crng, noise, style, names | {c.cfirst.lower()})
        duration = int(nturns[-1]["end"] + crng.uniform(1, 6))
        fmt = crng.choices(["txt", "vtt", "srt", "tca", "jsonl"], weights=[32, 16, 10, 10, 32])[0]
        anonymous = fmt == "vtt" and lab["greeting"] == "PASS" and crng.random() < 0.3
        tpath = ""
        if fmt == "txt":
            tpath = f"transcripts/{c.call_id}.txt"
            write_txt(os.path.join(out, tpath), nturns, crng)
        elif fmt == "vtt":
            tpath = f"transcripts/{c.call_id}.vtt"
            write_vtt(os.path.join(out, tpath), nturns, crng, anonymous)
        elif fmt == "srt":
            tpath = f"transcripts/{c.call_id}.srt"
            write_srt(os.path.join(out, tpath), nturns, crng)
        elif fmt == "tca" and lab["greeting"] == "PASS" and crng.random() < 0.35:
            tpath = f"transcripts/{c.call_id}.json"
            write_transcribe(os.path.join(out, tpath), nturns, crng, c.call_id)
        elif fmt == "tca":
            tpath = f"transcripts/{c.call_id}.json"
            write_tca(os.path.join(out, tpath), nturns, crng, c.call_id)
        else:
            bundle.append({"call_id": c.call_id, "turns": [
                {"speaker": t["spk"], "start": t["start"], "end": t["end"], "text": t["text"]} for t in nturns]})
        call_rows.append(dict(call_id=c.call_id, started_at=fmt_ts(c.started), duration_s=duration,
                              agent_id=c.agent_id, agent_name=c.agent_name, site_code=c.site, team=c.team,
                              caller_number=c.caller_number, crm_caller_name=c.cfull if c.crm else "",
                              transcript=tpath))
        act_rows.extend(build_actions(c, lab, var, crng, duration))
        if c.prior:
            p = c.prior
            rep_rows.append(dict(report_no=p["no"], created_at=fmt_ts(p["created"]),
                                 resolved_at=fmt_ts(p["resolved"]) if p["resolved"] else "",
                                 category=p["category"], caller_name=p["name"].upper(), address=c.addr_report,
                                 problem=c.prob[0], caller_phone=p["phone"],
                                 escalated_at=fmt_ts(p["escalated"]) if p["escalated"] else "",
                                 unit_answer=p["answer"]))
        if debug is not None:
            debug.append({"call_id": c.call_id, "path": c.path, "urgent": c.urgent, "crm": c.crm,
                          "phone": c.phone_kind, "var": {k: v for k, v in var.items()},
                          "clean": [(t["spk"], t["text"]) for t in turns]})
        for s in STEPS:
            truth.append(dict(call_id=c.call_id, step=s, expected=lab[s]))
        exp.append(dict(call_id=c.call_id, path=c.path, urgent="true" if c.urgent else "false",
                        prior_report_no=c.prior["no"] if c.prior else ""))
    # distractor reports: other customers' reports (resolved and open), never on a caller's phone
    drng = random.Random(seed * 31 + 5)
    for _ in range(max(5, n // 4)):
        created = day0 - dt.timedelta(minutes=drng.uniform(60, 20 * 24 * 60))
        resolved = created + dt.timedelta(hours=drng.uniform(2, 60)) if drng.random() < 0.6 else None
        pr = drng.choice(PROBLEMS)
        addr, _ = make_address(drng)
        g = drng.choice("mf")
        rep_rows.append(dict(report_no=ids.report(drng.choice(["54", "31", "22", "61", "51"])),
                             created_at=fmt_ts(created.replace(microsecond=0)),
                             resolved_at=fmt_ts(resolved.replace(microsecond=0)) if resolved else "",
                             category=pr[1], caller_name=(drng.choice(MALE if g == "m" else FEMALE) + " " +
                                                          drng.choice(LAST)).upper(),
                             address=addr, problem=pr[0], caller_phone=ids.mobile(), escalated_at="",
                             unit_answer=drng.choice(RESOLVED_ANSWERS if resolved else OPEN_ANSWERS)[0]))
    # first-report callers who had an old, resolved report on the same phone (not a prior per SPEC §2)
    for c in calls:
        if c.path == FIRST and c.caller_number and drng.random() < 0.06:
            created = c.started - dt.timedelta(days=drng.uniform(30, 200))
            rep_rows.append(dict(report_no=ids.report(c.site), created_at=fmt_ts(created.replace(microsecond=0)),
                                 resolved_at=fmt_ts((created + dt.timedelta(hours=20)).replace(microsecond=0)),
                                 category="GANGGUAN", caller_name=c.cfull.upper(), address=c.addr_report,
                                 problem="LISTRIK PADAM SATU RUMAH", caller_phone=c.report_phone,
                                 escalated_at="", unit_answer="SUDAH DIPERBAIKI LISTRIK NORMAL"))
    # manifest in start order; actions in time order across calls; reports by creation
    call_rows.sort(key=lambda r: r["started_at"])
    act_rows.sort(key=lambda r: (r["at"], r["call_id"]))
    rep_rows.sort(key=lambda r: r["created_at"])
    write_csv(os.path.join(out, "calls.csv"), ["call_id", "started_at", "duration_s", "agent_id", "agent_name",
                                               "site_code", "team", "caller_number", "crm_caller_name",
                                               "transcript"], call_rows)
    afields = ["call_id", "at", "system", "action", "report_no", "ref_report_no", "category",
               "escalation_type", "note"]
    days = sorted({r["at"][:10] for r in act_rows})
    for k, day in enumerate(days):
        rows = [r for r in act_rows if r["at"][:10] == day]
        gz = k == len(days) - 1 and len(days) > 1
        write_csv(os.path.join(out, f"actions-{day}.csv" + (".gz" if gz else "")), afields, rows, gz=gz)
    write_csv(os.path.join(out, "reports.csv"), ["report_no", "created_at", "resolved_at", "category",
                                                 "caller_name", "address", "problem", "caller_phone",
                                                 "escalated_at", "unit_answer"], rep_rows)
    with open(os.path.join(out, "bundle.jsonl"), "w", encoding="utf-8") as f:
        for b in sorted(bundle, key=lambda b: b["call_id"]):
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
    truth.sort(key=lambda r: (r["call_id"], STEPS.index(r["step"])))
    write_csv(os.path.join(out, "truth.csv"), ["call_id", "step", "expected"], truth)
    exp.sort(key=lambda r: r["call_id"])
    write_csv(os.path.join(out, "expected_calls.csv"), ["call_id", "path", "urgent", "prior_report_no"], exp)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--noise", type=int, choices=[1, 2, 3], default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("--debug", help="also write the clean (pre-noise) dialogues and variants to this JSONL file")
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    debug = [] if a.debug else None
    generate(a.calls, a.seed, a.noise, a.out, debug)
    if debug is not None:
        with open(a.debug, "w", encoding="utf-8") as f:
            for d in debug:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
