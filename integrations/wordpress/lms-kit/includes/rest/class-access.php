<?php
/**
 * Who may read or write whose records (the rules of `@lms-kit/server`): a learner their own; an
 * instructor also the learners of the groups and courses they teach (read, and grade attempts); an
 * admin everyone of their tenant. Every query is filtered on the caller's tenant.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Access checks that throw 403 `auth/forbidden`. */
final class Lms_Kit_Access {
	/** SQL (with `%s` placeholders: tenant, instructor, tenant, instructor) of the learners an instructor teaches. */
	public static function taught_sql(): string {
		$members     = Lms_Kit_Schema::table( 'group_members' );
		$instructors = Lms_Kit_Schema::table( 'course_instructors' );
		$enrollments = Lms_Kit_Schema::table( 'enrollments' );
		return "SELECT m.learner_id FROM $members t JOIN $members m ON m.tenant_id = t.tenant_id AND m.group_id = t.group_id
				WHERE t.tenant_id = %s AND t.learner_id = %s AND t.role = 'instructor'
			UNION SELECT COALESCE(e.learner_id, g.learner_id) FROM $instructors c
				JOIN $enrollments e ON e.tenant_id = c.tenant_id AND e.course_id = c.course_id
				LEFT JOIN $members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id
				WHERE c.tenant_id = %s AND c.learner_id = %s";
	}

	public static function teaches( Lms_Kit_Identity $who, string $learner ): bool {
		global $wpdb;
		if ( ! $who->is_instructor() ) {
			return false;
		}
		$sql = 'SELECT 1 FROM (' . self::taught_sql() . ') taught WHERE taught.learner_id = %s LIMIT 1';
		return (bool) $wpdb->get_var( $wpdb->prepare( $sql, $who->tenant, $who->sub, $who->tenant, $who->sub, $learner ) ); // phpcs:ignore WordPress.DB
	}

	public static function can_read( Lms_Kit_Identity $who, string $learner ): void {
		if ( $learner === $who->sub || $who->is_admin() || self::teaches( $who, $learner ) ) {
			return;
		}
		throw Lms_Kit_Http_Error::forbidden( "You may not read the records of $learner." );
	}

	public static function can_write( Lms_Kit_Identity $who, string $learner ): void {
		if ( $learner === $who->sub || $who->is_admin() ) {
			return;
		}
		throw Lms_Kit_Http_Error::forbidden( "You may not change the records of $learner." );
	}

	public static function admin( Lms_Kit_Identity $who ): void {
		if ( ! $who->is_admin() ) {
			throw Lms_Kit_Http_Error::forbidden( 'Only an admin of the tenant may do this.' );
		}
	}
}
