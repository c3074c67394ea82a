package dev.ftprecon.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fuzzer dictionary for the FTP control connection: the commands and reply shapes the session
 * tracker acts on, so that mutations reach the mode, transfer and reply-text parsing quickly.
 * (Jazzer 0.30 writes CR and LF into its dictionary file unescaped, which libFuzzer rejects, so no
 * entry contains a line end; the seeds have plenty.)
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@DictionaryEntries({
  "USER ",
  "PASS ",
  "ACCT ",
  "AUTH TLS",
  "CWD ",
  "CDUP",
  "PWD",
  "TYPE I",
  "REST ",
  "SIZE ",
  "ALLO ",
  "REIN",
  "PASV",
  "EPSV",
  "EPSV ALL",
  "LPSV",
  "PORT ",
  "EPRT ",
  "LPRT ",
  "RETR ",
  "STOR ",
  "STOU",
  "APPE ",
  "LIST -la",
  "NLST",
  "MLSD",
  "120 ",
  "150 ",
  "150 FILE: ",
  " bytes)",
  "200 ",
  "213 ",
  "220 ",
  "220-",
  "226 ",
  "227 Entering Passive Mode (",
  "228 Entering Long Passive Mode (",
  "229 Entering Extended Passive Mode (|||",
  "230 ",
  "234 ",
  "257 \"",
  "331 ",
  "350 ",
  "421 ",
  "530 ",
  "unique file name:",
  "|1|192.0.2.10|",
  "|2|2001:db8::10|",
  "198,51,100,21,195,80",
  "4,4,198,51,100,21,2,195,80"
})
@interface FtpDictionary {}
