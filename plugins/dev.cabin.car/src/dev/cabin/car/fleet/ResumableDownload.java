package dev.cabin.car.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Downloads an artifact into a file beside its final name, continuing where an earlier attempt stopped (HTTP
 * Range), never past the size hawkBit announced nor past the largest package a car accepts, and checks hawkBit's
 * SHA-256 before the file takes its final name.
 */
final class ResumableDownload {

	/** Told after each buffer reaches the partial file, with the bytes written so far; tests stop the car there. */
	interface Progress {
		void written(long bytes);
	}

	private static final int BUFFER = 16 * 1024;

	private final DdiServer server;
	private final long maxBytes;

	ResumableDownload(DdiServer server, long maxBytes) {
		this.server = server;
		this.maxBytes = maxBytes;
	}

	/** The downloaded file, complete and matching hawkBit's SHA-256. */
	Path fetch(Deployment.Artifact artifact, Path target, Progress progress) throws IOException {
		if (artifact.download() == null) {
			throw new DdiException("hawkBit gives no HTTP download link for " + artifact.filename());
		}
		if (artifact.size() < 0 || artifact.size() > maxBytes) {
			throw new DownloadRefusedException(artifact.filename() + " has " + artifact.size() + " bytes; a car accepts at most "
					+ maxBytes);
		}
		if (!Files.isRegularFile(target) || Files.size(target) != artifact.size()
				|| !sha256(target).equalsIgnoreCase(artifact.sha256())) {
			Files.deleteIfExists(target);
			Path partial = target.resolveSibling(target.getFileName() + ".part");
			download(artifact, partial, progress);
			String actual = sha256(partial);
			if (!actual.equalsIgnoreCase(artifact.sha256())) {
				Files.delete(partial);
				throw new DownloadRefusedException("the download of " + artifact.filename() + " does not match hawkBit's SHA-256 ("
						+ actual + " instead of " + artifact.sha256() + ")");
			}
			Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		return target;
	}

	private void download(Deployment.Artifact artifact, Path partial, Progress progress) throws IOException {
		long have = Files.isRegularFile(partial) ? Files.size(partial) : 0;
		if (have >= artifact.size()) {
			if (have == artifact.size()) {
				return;
			}
			Files.delete(partial);
			have = 0;
		}
		HttpResponse<InputStream> response = server.download(artifact.download(), have);
		boolean resumed = response.statusCode() == 206;
		long written = resumed ? have : 0;
		try (InputStream in = response.body();
				OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
			byte[] buffer = new byte[BUFFER];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				if (written + n > artifact.size()) {
					throw new DownloadRefusedException(artifact.filename() + " is longer than the " + artifact.size()
							+ " bytes hawkBit announced");
				}
				out.write(buffer, 0, n);
				out.flush();
				written += n;
				progress.written(written);
			}
		}
		if (written != artifact.size()) {
			throw new DdiException("the download of " + artifact.filename() + " stopped after " + written + " of "
					+ artifact.size() + " bytes");
		}
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[BUFFER];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
