package io.bitgetmargin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up check says of each kind of JWT key location. */
class KeyFilesTest {

    @TempDir
    Path folder;

    @Test
    void aReadableKeyFileIsFineAsAPathAndAsAFileUri() throws IOException {
        Path key = Files.writeString(folder.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----", StandardCharsets.US_ASCII);
        assertNull(KeyFiles.problemOf(key.toString()));
        assertNull(KeyFiles.problemOf(key.toUri().toString()));
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path key = folder.resolve("typo.pem");
        assertEquals("names " + key + ", which does not exist (or a folder on its way cannot be searched)",
                KeyFiles.problemOf(key.toString()));
        assertTrue(KeyFiles.problemOf(key.toUri().toString()).endsWith("which does not exist (or a folder on its way "
                + "cannot be searched)"));
    }

    @Test
    void aDirectoryOrAnEmptyFileIsNoKey() throws IOException {
        assertEquals("names " + folder + ", which is a directory, not a key file", KeyFiles.problemOf(folder.toString()));
        Path empty = Files.createFile(folder.resolve("empty.pem"));
        assertEquals("names " + empty + ", which is empty", KeyFiles.problemOf(empty.toString()));
    }

    @Test
    void aClassPathResourceMustExist() {
        assertNull(KeyFiles.problemOf("classpath:bitget/sign-vectors.json"));
        assertNull(KeyFiles.problemOf("bitget/sign-vectors.json"), "a plain name that is a resource, as SmallRye JWT reads it");
        assertEquals("names the class-path resource classpath:keys/nothing.pem, which does not exist",
                KeyFiles.problemOf("classpath:keys/nothing.pem"));
    }

    @Test
    void aKeySetAtAUrlIsFetchedPerCallNotAtStart() {
        assertNull(KeyFiles.problemOf("https://idp.example.invalid/.well-known/jwks.json"));
        assertNull(KeyFiles.problemOf("HTTP://127.0.0.1:1/jwks.json"));
    }
}
