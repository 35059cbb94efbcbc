package dev.cabin.hawkbit.testserver;

import org.eclipse.hawkbit.autoconfigure.security.EnableHawkbitManagedSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An Eclipse hawkBit server for the fleet tests: DDI and Management API over an in-memory H2 database. */
@SpringBootApplication
@EnableHawkbitManagedSecurityConfiguration
public class HawkbitTestServer {

	public static void main(String[] args) {
		SpringApplication.run(HawkbitTestServer.class, args);
	}
}
