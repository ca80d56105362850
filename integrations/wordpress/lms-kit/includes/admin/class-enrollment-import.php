<?php
/**
 * CSV import of enrollments (`course,learner,group,due`), as `@lms-kit/server`'s import: every bad row
 * is listed (row and column) and a file with any bad row is refused whole; a good file is applied
 * row by row with upserts, so importing it twice changes nothing.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Parses, checks and applies an enrollment CSV. */
final class Lms_Kit_Enrollment_Import {
	/** @return array `message` and `errors` (strings). */
	public static function run( string $csv ): array {
		$lines = preg_split( '/\r\n|\n|\r/', trim( $csv ) );
		if ( '' === trim( $csv ) ) {
			return array( 'message' => __( 'The file is empty.', 'lms-kit' ), 'errors' => array() );
		}
		$header = array_map( 'trim', str_getcsv( array_shift( $lines ) ) );
		$errors = array();
		foreach ( array( 'course', 'learner', 'group', 'due' ) as $column ) {
			if ( ! in_array( $column, $header, true ) ) {
				$errors[] = "row 1: the header has no \"$column\" column";
			}
		}
		$rows = array();
		foreach ( $errors ? array() : $lines as $i => $line ) {
			$n = $i + 2;
			if ( '' === trim( $line ) ) {
				continue;
			}
			$cells = array_map( 'trim', str_getcsv( $line ) );
			$row   = array_combine( $header, array_pad( array_slice( $cells, 0, count( $header ) ), count( $header ), '' ) );
			if ( '' === $row['course'] ) {
				$errors[] = "row $n, column course: required";
			}
			if ( ( '' === $row['learner'] ) === ( '' === $row['group'] ) ) {
				$errors[] = "row $n: give either a learner or a group";
			}
			$learner = null;
			if ( '' !== $row['learner'] ) {
				$user = get_user_by( is_email( $row['learner'] ) ? 'email' : 'login', $row['learner'] );
				if ( ! $user ) {
					$errors[] = "row $n, column learner: no user \"{$row['learner']}\"";
				} else {
					$learner = Lms_Kit_Tokens::learner_id( $user );
				}
			}
			$due = null;
			if ( '' !== $row['due'] ) {
				$time = strtotime( $row['due'] );
				if ( false === $time ) {
					$errors[] = "row $n, column due: not a date";
				} else {
					$due = gmdate( 'Y-m-d\TH:i:s.000\Z', $time );
				}
			}
			$rows[] = array( $row['course'], $learner, '' === $row['group'] ? null : $row['group'], $due );
		}
		if ( $errors ) {
			return array( 'message' => __( 'Nothing was imported: the file has rows to fix.', 'lms-kit' ), 'errors' => $errors );
		}
		foreach ( $rows as list( $course, $learner, $group, $due ) ) {
			lms_kit_enroll( Lms_Kit_Settings::tenant(), $course, $learner, $group, $due );
		}
		/* translators: %d: number of enrollments */
		return array( 'message' => sprintf( _n( '%d enrollment imported.', '%d enrollments imported.', count( $rows ), 'lms-kit' ), count( $rows ) ), 'errors' => array() );
	}
}
