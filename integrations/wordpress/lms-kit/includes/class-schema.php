<?php
/**
 * The plugin's tables: the storage protocol's records in WordPress's database. Rows are keyed by a
 * SHA-256 of their key columns, so ids up to 512 characters (as the protocol allows) fit MySQL's
 * index limits; every row carries the tenant of the token that wrote it, as on `@lms-kit/server`.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Creates and drops the tables; `key()` makes the row keys. */
final class Lms_Kit_Schema {
	const VERSION = 1;

	/** Table names without the site prefix. */
	const TABLES = array( 'progress', 'lesson_states', 'attempts', 'learner_values', 'records', 'outbox', 'groups', 'group_members', 'courses', 'course_instructors', 'enrollments', 'audit' );

	public static function table( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . 'lms_kit_' . $name;
	}

	/** The row key of these key columns. */
	public static function key( string ...$parts ): string {
		return hash( 'sha256', implode( "\0", $parts ) );
	}

	public static function install(): void {
		global $wpdb;
		$charset = $wpdb->get_charset_collate();
		$id      = 'VARCHAR(512) NOT NULL';
		$tenant  = 'tenant_id VARCHAR(191) NOT NULL';
		$pk      = 'k CHAR(64) NOT NULL PRIMARY KEY';
		$tables  = array(
			'progress'           => "$pk, $tenant, learner_id $id, course_id $id, data LONGTEXT NOT NULL, version INT UNSIGNED NOT NULL DEFAULT 1,
				completed TINYINT(1) NOT NULL DEFAULT 0, time_spent_ms BIGINT NOT NULL DEFAULT 0, score DOUBLE NULL, updated_at DATETIME NOT NULL,
				KEY by_course (tenant_id, course_id(150)), KEY by_learner (tenant_id, learner_id(150))",
			'lesson_states'      => "$pk, $tenant, learner_id $id, course_id $id, lesson_id $id, data LONGTEXT NOT NULL, version INT UNSIGNED NOT NULL DEFAULT 1,
				KEY by_learner (tenant_id, learner_id(150))",
			'attempts'           => "$pk, $tenant, id $id, learner_id $id, course_id $id, activity_id $id, started_at VARCHAR(40) NOT NULL, data LONGTEXT NOT NULL,
				KEY by_learner (tenant_id, learner_id(150))",
			'learner_values'     => "$pk, $tenant, learner_id $id, value_key $id, value LONGTEXT NOT NULL, KEY by_learner (tenant_id, learner_id(150))",
			'records'            => "$pk, $tenant, collection $id, id $id, learner_id VARCHAR(512) NULL, course_id VARCHAR(512) NULL, owner_id $id,
				data LONGTEXT NOT NULL, KEY by_collection (tenant_id, collection(100))",
			'outbox'             => "seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, $tenant, learner_id $id, statement_key CHAR(64) NOT NULL,
				statement LONGTEXT NOT NULL, queued_at DATETIME NOT NULL, UNIQUE KEY once (statement_key), KEY by_learner (tenant_id, learner_id(150))",
			'groups'             => "$pk, $tenant, group_id $id, name VARCHAR(200) NULL",
			'group_members'      => "$pk, $tenant, group_id $id, learner_id $id, role VARCHAR(20) NOT NULL, KEY by_group (tenant_id, group_id(150))",
			'courses'            => "$pk, $tenant, course_id $id, title VARCHAR(500) NULL, self_enroll TINYINT(1) NOT NULL DEFAULT 0",
			'course_instructors' => "$pk, $tenant, course_id $id, learner_id $id, KEY by_course (tenant_id, course_id(150))",
			'enrollments'        => "$pk, $tenant, course_id $id, learner_id VARCHAR(512) NULL, group_id VARCHAR(512) NULL, due_at VARCHAR(40) NULL,
				KEY by_course (tenant_id, course_id(150))",
			'audit'              => "id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, $tenant, actor_id $id, action VARCHAR(100) NOT NULL,
				target_id $id, at DATETIME NOT NULL",
		);
		foreach ( $tables as $name => $columns ) {
			$wpdb->query( 'CREATE TABLE IF NOT EXISTS ' . self::table( $name ) . " ($columns) $charset" ); // phpcs:ignore WordPress.DB
		}
		update_option( 'lms_kit_db_version', self::VERSION );
	}

	/** Drops every table (uninstall, when the admin asked to delete course data). */
	public static function drop(): void {
		global $wpdb;
		foreach ( self::TABLES as $name ) {
			$wpdb->query( 'DROP TABLE IF EXISTS ' . self::table( $name ) ); // phpcs:ignore WordPress.DB
		}
		delete_option( 'lms_kit_db_version' );
	}
}
