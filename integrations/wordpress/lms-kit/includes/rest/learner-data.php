<?php
/**
 * What `HttpStorageAdapter` reads and writes: one learner's progress, lesson states, attempts,
 * values, records and statement outbox (the routes of `@lms-kit/server`'s learner-data.ts).
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Registers the learner-data routes. */
function lms_kit_learner_data_routes(): void {
	$p = 'Lms_Kit_Protocol';

	$same_key = static function ( array $value, array $expected ): void {
		foreach ( $expected as $field => $wanted ) {
			if ( ( $value[ $field ] ?? null ) !== $wanted ) {
				throw new Lms_Kit_Http_Error( 400, 'storage/invalid-record', "The record's $field is not the one in the URL." );
			}
		}
	};
	$value_of = static function ( $body, array $ids ): array {
		$check = new Lms_Kit_Validate();
		$root  = $check->object( $body, 'body' );
		$value = $check->object( $root['value'] ?? null, 'body.value' );
		foreach ( $ids as $id ) {
			$check->id( $value, $id, 'body.value' );
		}
		if ( in_array( 'courseId', $ids, true ) && ! in_array( 'lessonId', $ids, true ) ) {
			$check->object( $value['lessons'] ?? null, 'body.value.lessons' );
		}
		$check->done();
		return $value;
	};
	$progress_key = static function ( Lms_Kit_Identity $who, array $a ): string {
		return Lms_Kit_Schema::key( $who->tenant, $a['learner'], $a['course'] );
	};
	$state_key    = static function ( Lms_Kit_Identity $who, array $a ): string {
		return Lms_Kit_Schema::key( $who->tenant, $a['learner'], $a['course'], $a['lesson'] );
	};

	$p::route(
		'GET',
		'/progress/{learner}/{course}',
		static function ( $a, $body, $r, $who ) use ( $progress_key, $p ) {
			Lms_Kit_Access::can_read( $who, $a['learner'] );
			$doc = Lms_Kit_Documents::read( 'progress', $progress_key( $who, $a ) );
			if ( ! $doc ) {
				throw Lms_Kit_Http_Error::not_found( 'This progress' );
			}
			return $p::versioned( $doc );
		}
	);
	$p::route(
		'PUT',
		'/progress/{learner}/{course}',
		static function ( $a, $body, $r, $who ) use ( $progress_key, $value_of, $same_key, $p ) {
			Lms_Kit_Access::can_write( $who, $a['learner'] );
			$value = $value_of( $body, array( 'learnerId', 'courseId' ) );
			$same_key( $value, array( 'learnerId' => $a['learner'], 'courseId' => $a['course'] ) );
			$result  = $value['result'] ?? array();
			$columns = array(
				'tenant_id'     => $who->tenant,
				'learner_id'    => $a['learner'],
				'course_id'     => $a['course'],
				'completed'     => ( ! empty( $value['completedAt'] ) || ! empty( $result['completed'] ) ) ? '1' : '0',
				'time_spent_ms' => (string) (int) ( $value['timeSpentMs'] ?? 0 ),
				'score'         => isset( $result['score']['scaled'] ) && is_numeric( $result['score']['scaled'] ) ? (string) $result['score']['scaled'] : null,
				'updated_at'    => gmdate( 'Y-m-d H:i:s', strtotime( (string) ( $value['updatedAt'] ?? 'now' ) ) ? strtotime( (string) ( $value['updatedAt'] ?? 'now' ) ) : time() ),
			);
			return $p::versioned( Lms_Kit_Documents::write( 'progress', $progress_key( $who, $a ), $columns, lms_kit_raw_body( $r )->value, $p::precondition( $r ) ) );
		}
	);
	$p::route(
		'GET',
		'/progress',
		static function ( $a, $body, $r, $who ) use ( $p ) {
			global $wpdb;
			$learner = lms_kit_required_query( $r, 'learner' );
			Lms_Kit_Access::can_read( $who, $learner );
			$rows = $wpdb->get_col( $wpdb->prepare( 'SELECT data FROM ' . Lms_Kit_Schema::table( 'progress' ) . ' WHERE tenant_id = %s AND learner_id = %s ORDER BY course_id', $who->tenant, $learner ) ); // phpcs:ignore WordPress.DB
			return array( 'items' => lms_kit_decode_all( $rows ) );
		}
	);
	$p::route(
		'GET',
		'/lesson-states/{learner}/{course}/{lesson}',
		static function ( $a, $body, $r, $who ) use ( $state_key, $p ) {
			Lms_Kit_Access::can_read( $who, $a['learner'] );
			$doc = Lms_Kit_Documents::read( 'lesson_states', $state_key( $who, $a ) );
			if ( ! $doc ) {
				throw Lms_Kit_Http_Error::not_found( 'This lesson state' );
			}
			return $p::versioned( $doc );
		}
	);
	$p::route(
		'PUT',
		'/lesson-states/{learner}/{course}/{lesson}',
		static function ( $a, $body, $r, $who ) use ( $state_key, $value_of, $same_key, $p ) {
			Lms_Kit_Access::can_write( $who, $a['learner'] );
			$value = $value_of( $body, array( 'learnerId', 'courseId', 'lessonId' ) );
			$same_key( $value, array( 'learnerId' => $a['learner'], 'courseId' => $a['course'], 'lessonId' => $a['lesson'] ) );
			$columns = array(
				'tenant_id'  => $who->tenant,
				'learner_id' => $a['learner'],
				'course_id'  => $a['course'],
				'lesson_id'  => $a['lesson'],
			);
			return $p::versioned( Lms_Kit_Documents::write( 'lesson_states', $state_key( $who, $a ), $columns, lms_kit_raw_body( $r )->value, $p::precondition( $r ) ) );
		}
	);
	lms_kit_attempt_routes();
	lms_kit_value_routes();
	lms_kit_record_routes();
	lms_kit_outbox_routes();
}

/** A required query parameter, or 400 naming it. */
function lms_kit_required_query( WP_REST_Request $r, string $name ): string {
	$value = Lms_Kit_Protocol::query( $r, $name );
	if ( null === $value ) {
		$check = new Lms_Kit_Validate( 'query' );
		$check->check( false, "query.$name", 'Invalid input: expected string, received undefined' );
		$check->done();
	}
	return $value;
}

/** The body decoded as objects, so `{}` is stored as `{}` (the checks read it as arrays). */
function lms_kit_raw_body( WP_REST_Request $r ) {
	return json_decode( (string) $r->get_body() );
}

/** JSON columns to values. */
function lms_kit_decode_all( array $rows ): array {
	return array_map(
		static function ( $json ) {
			return json_decode( $json );
		},
		$rows
	);
}

function lms_kit_attempt_routes(): void {
	global $wpdb;
	$table = Lms_Kit_Schema::table( 'attempts' );
	Lms_Kit_Protocol::route(
		'PUT',
		'/attempts/{id}',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$check   = new Lms_Kit_Validate();
			$attempt = $check->object( $body, 'body' );
			foreach ( array( 'id', 'learnerId', 'courseId', 'activityId', 'startedAt', 'updatedAt' ) as $field ) {
				$check->id( $attempt, $field, 'body' );
			}
			$check->one_of( $attempt, 'status', 'body', array( 'in-progress', 'completed', 'pending-grading', 'abandoned' ) );
			$check->done();
			if ( $attempt['id'] !== $a['id'] ) {
				throw new Lms_Kit_Http_Error( 400, 'storage/invalid-record', 'The attempt id is not the one in the URL.' );
			}
			$key      = Lms_Kit_Schema::key( $who->tenant, $a['id'] );
			$existing = $wpdb->get_var( $wpdb->prepare( "SELECT learner_id FROM $table WHERE k = %s", $key ) ); // phpcs:ignore WordPress.DB
			foreach ( array_unique( array_filter( array( $attempt['learnerId'], $existing ) ) ) as $learner ) {
				if ( $learner !== $who->sub && ! $who->is_admin() && ! Lms_Kit_Access::teaches( $who, $learner ) ) {
					throw Lms_Kit_Http_Error::forbidden( "You may not change the attempts of $learner." );
				}
			}
			$wpdb->replace(
				$table,
				array(
					'k'           => $key,
					'tenant_id'   => $who->tenant,
					'id'          => $attempt['id'],
					'learner_id'  => $attempt['learnerId'],
					'course_id'   => $attempt['courseId'],
					'activity_id' => $attempt['activityId'],
					'started_at'  => $attempt['startedAt'],
					'data'        => wp_json_encode( lms_kit_raw_body( $r ) ),
				)
			);
			do_action( 'lms_kit_attempt_stored', $attempt, $who );
			return null;
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/attempts/{id}',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$row = $wpdb->get_row( $wpdb->prepare( "SELECT data, learner_id FROM $table WHERE k = %s", Lms_Kit_Schema::key( $who->tenant, $a['id'] ) ) ); // phpcs:ignore WordPress.DB
			if ( ! $row ) {
				throw Lms_Kit_Http_Error::not_found( 'This attempt' );
			}
			Lms_Kit_Access::can_read( $who, $row->learner_id );
			return json_decode( $row->data );
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/attempts',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$learner = lms_kit_required_query( $r, 'learner' );
			Lms_Kit_Access::can_read( $who, $learner );
			$course   = Lms_Kit_Protocol::query( $r, 'course' );
			$activity = Lms_Kit_Protocol::query( $r, 'activity' );
			$sql      = $wpdb->prepare( "SELECT data FROM $table WHERE tenant_id = %s AND learner_id = %s", $who->tenant, $learner ); // phpcs:ignore WordPress.DB
			$sql     .= null === $course ? '' : $wpdb->prepare( ' AND course_id = %s', $course );
			$sql     .= null === $activity ? '' : $wpdb->prepare( ' AND activity_id = %s', $activity );
			return array( 'items' => lms_kit_decode_all( $wpdb->get_col( $sql . ' ORDER BY started_at, id' ) ) ); // phpcs:ignore WordPress.DB
		}
	);
}

function lms_kit_value_routes(): void {
	global $wpdb;
	$table = Lms_Kit_Schema::table( 'learner_values' );
	$key   = static function ( Lms_Kit_Identity $who, string $name ): string {
		return Lms_Kit_Schema::key( $who->tenant, $who->sub, $name );
	};
	Lms_Kit_Protocol::route(
		'GET',
		'/values/{key}',
		static function ( $a, $body, $r, $who ) use ( $table, $key, $wpdb ) {
			$value = $wpdb->get_var( $wpdb->prepare( "SELECT value FROM $table WHERE k = %s", $key( $who, $a['key'] ) ) ); // phpcs:ignore WordPress.DB
			if ( null === $value ) {
				throw Lms_Kit_Http_Error::not_found( 'This value' );
			}
			return array( 'value' => json_decode( $value ) );
		}
	);
	Lms_Kit_Protocol::route(
		'PUT',
		'/values/{key}',
		static function ( $a, $body, $r, $who ) use ( $table, $key, $wpdb ) {
			$check = new Lms_Kit_Validate();
			$root  = $check->object( $body, 'body' );
			$check->check( array_key_exists( 'value', $root ), 'body.value', 'a value is required' );
			$check->done();
			// Decoded as objects, so `{}` stays an object and `[]` an array.
			$value = lms_kit_raw_body( $r )->value;
			$wpdb->replace(
				$table,
				array(
					'k'          => $key( $who, $a['key'] ),
					'tenant_id'  => $who->tenant,
					'learner_id' => $who->sub,
					'value_key'  => $a['key'],
					'value'      => wp_json_encode( $value ),
				)
			);
			return null;
		}
	);
	Lms_Kit_Protocol::route(
		'DELETE',
		'/values/{key}',
		static function ( $a, $body, $r, $who ) use ( $table, $key, $wpdb ) {
			$wpdb->delete( $table, array( 'k' => $key( $who, $a['key'] ) ) );
			return null;
		}
	);
}

function lms_kit_record_routes(): void {
	global $wpdb;
	$table = Lms_Kit_Schema::table( 'records' );
	$owner = static function ( Lms_Kit_Identity $who, string $collection, string $id ) use ( $table, $wpdb ): ?string {
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT learner_id, owner_id FROM $table WHERE k = %s", Lms_Kit_Schema::key( $who->tenant, $collection, $id ) ) ); // phpcs:ignore WordPress.DB
		return $row ? ( $row->learner_id ?? $row->owner_id ) : null;
	};
	Lms_Kit_Protocol::route(
		'PUT',
		'/records/{collection}/{id}',
		static function ( $a, $body, $r, $who ) use ( $table, $owner, $wpdb ) {
			$check  = new Lms_Kit_Validate();
			$record = $check->object( $body, 'body' );
			$check->id( $record, 'id', 'body' );
			$check->id( $record, 'learnerId', 'body', true );
			$check->id( $record, 'courseId', 'body', true );
			$check->done();
			if ( $record['id'] !== $a['id'] ) {
				throw new Lms_Kit_Http_Error( 400, 'storage/invalid-record', 'The record id is not the one in the URL.' );
			}
			Lms_Kit_Access::can_write( $who, $record['learnerId'] ?? $who->sub );
			$existing = $owner( $who, $a['collection'], $a['id'] );
			if ( null !== $existing ) {
				Lms_Kit_Access::can_write( $who, $existing );
			}
			$previous_owner = $wpdb->get_var( $wpdb->prepare( "SELECT owner_id FROM $table WHERE k = %s", Lms_Kit_Schema::key( $who->tenant, $a['collection'], $a['id'] ) ) ); // phpcs:ignore WordPress.DB
			$wpdb->replace(
				$table,
				array(
					'k'          => Lms_Kit_Schema::key( $who->tenant, $a['collection'], $a['id'] ),
					'tenant_id'  => $who->tenant,
					'collection' => $a['collection'],
					'id'         => $a['id'],
					'learner_id' => $record['learnerId'] ?? null,
					'course_id'  => $record['courseId'] ?? null,
					'owner_id'   => $previous_owner ?? $who->sub,
					'data'       => (string) wp_json_encode( lms_kit_raw_body( $r ) ),
				)
			);
			return null;
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/records/{collection}/{id}',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$row = $wpdb->get_row( $wpdb->prepare( "SELECT data, learner_id, owner_id FROM $table WHERE k = %s", Lms_Kit_Schema::key( $who->tenant, $a['collection'], $a['id'] ) ) ); // phpcs:ignore WordPress.DB
			if ( ! $row ) {
				throw Lms_Kit_Http_Error::not_found( 'This record' );
			}
			Lms_Kit_Access::can_read( $who, $row->learner_id ?? $row->owner_id );
			return json_decode( $row->data );
		}
	);
	Lms_Kit_Protocol::route(
		'DELETE',
		'/records/{collection}/{id}',
		static function ( $a, $body, $r, $who ) use ( $table, $owner, $wpdb ) {
			$existing = $owner( $who, $a['collection'], $a['id'] );
			if ( null === $existing ) {
				return null;
			}
			Lms_Kit_Access::can_write( $who, $existing );
			$wpdb->delete( $table, array( 'k' => Lms_Kit_Schema::key( $who->tenant, $a['collection'], $a['id'] ) ) );
			return null;
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/records/{collection}',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$learner = Lms_Kit_Protocol::query( $r, 'learner' );
			$course  = Lms_Kit_Protocol::query( $r, 'course' );
			if ( null !== $learner ) {
				Lms_Kit_Access::can_read( $who, $learner );
			}
			$sql  = $wpdb->prepare( "SELECT data FROM $table WHERE tenant_id = %s AND collection = %s", $who->tenant, $a['collection'] ); // phpcs:ignore WordPress.DB
			$sql .= null === $learner ? '' : $wpdb->prepare( ' AND learner_id = %s', $learner );
			$sql .= null === $course ? '' : $wpdb->prepare( ' AND course_id = %s', $course );
			if ( null === $learner && ! $who->is_admin() ) {
				$sql .= $wpdb->prepare( ' AND (learner_id = %s OR (learner_id IS NULL AND owner_id = %s))', $who->sub, $who->sub );
			}
			return array( 'items' => lms_kit_decode_all( $wpdb->get_col( $sql . ' ORDER BY id' ) ) ); // phpcs:ignore WordPress.DB
		}
	);
}

function lms_kit_outbox_routes(): void {
	global $wpdb;
	$table = Lms_Kit_Schema::table( 'outbox' );
	Lms_Kit_Protocol::route(
		'POST',
		'/outbox',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$check = new Lms_Kit_Validate();
			$root  = $check->object( $body, 'body' );
			$list  = $root['statements'] ?? null;
			$check->check( is_array( $list ) && count( $list ) <= 1000, 'body.statements', 'expected an array of at most 1000 statements' );
			foreach ( is_array( $list ) ? $list : array() as $i => $statement ) {
				$check->check( is_string( $statement['id'] ?? null ) && wp_is_uuid( $statement['id'] ), "body.statements.$i.id", 'Invalid UUID' );
			}
			$check->done();
			$raw = lms_kit_raw_body( $r )->statements;
			foreach ( $raw as $statement ) {
				// A statement id already queued is ignored: exactly once.
				$wpdb->query( // phpcs:ignore WordPress.DB
					$wpdb->prepare(
						"INSERT IGNORE INTO $table (tenant_id, learner_id, statement_key, statement, queued_at) VALUES (%s, %s, %s, %s, UTC_TIMESTAMP())", // phpcs:ignore WordPress.DB
						$who->tenant,
						$who->sub,
						Lms_Kit_Schema::key( $who->tenant, strtolower( $statement->id ) ),
						wp_json_encode( $statement )
					)
				);
			}
			return null;
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/outbox',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$limit = (int) lms_kit_required_query( $r, 'limit' );
			$after = (int) ( Lms_Kit_Protocol::query( $r, 'after' ) ?? 0 );
			if ( $limit < 1 || $limit > 1000 ) {
				throw new Lms_Kit_Http_Error( 400, 'server/invalid-request', 'The request query is not valid: query.limit: expected 1 to 1000', array( array( 'path' => 'query.limit', 'message' => 'expected 1 to 1000' ) ) );
			}
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT seq, statement, queued_at FROM $table WHERE tenant_id = %s AND learner_id = %s AND seq > %d ORDER BY seq LIMIT %d", $who->tenant, $who->sub, $after, $limit ) ); // phpcs:ignore WordPress.DB
			$items = array();
			foreach ( $rows as $row ) {
				$items[] = array(
					'seq'       => (int) $row->seq,
					'statement' => json_decode( $row->statement ),
					'queuedAt'  => gmdate( 'Y-m-d\TH:i:s.000\Z', strtotime( $row->queued_at . ' UTC' ) ),
				);
			}
			return array( 'items' => $items );
		}
	);
	Lms_Kit_Protocol::route(
		'POST',
		'/outbox/remove',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			$check = new Lms_Kit_Validate();
			$root  = $check->object( $body, 'body' );
			$seqs  = $root['seqs'] ?? null;
			$check->check( is_array( $seqs ) && count( $seqs ) <= 10000 && count( array_filter( $seqs, 'is_int' ) ) === count( $seqs ), 'body.seqs', 'expected an array of integers' );
			$check->done();
			if ( $seqs ) {
				$in = implode( ',', array_map( 'intval', $seqs ) );
				$wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE tenant_id = %s AND learner_id = %s AND seq IN ($in)", $who->tenant, $who->sub ) ); // phpcs:ignore WordPress.DB
			}
			return null;
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/outbox/count',
		static function ( $a, $body, $r, $who ) use ( $table, $wpdb ) {
			return array( 'count' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE tenant_id = %s AND learner_id = %s", $who->tenant, $who->sub ) ) ); // phpcs:ignore WordPress.DB
		}
	);
}
