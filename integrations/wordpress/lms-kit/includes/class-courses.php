<?php
/**
 * Courses as WordPress content: the "Course" post type. Its edit screen takes a zip (a native course,
 * a SCORM 1.2/2004 package or a cmi5 course), keeps it in the media library, checks it, and on success
 * publishes it as a new version in `uploads/lms-kit/<post>/v<n>/` (earlier versions are kept, so
 * learners who started one keep their files). The post's author and listed instructors teach it.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** The `lms_course` post type, its upload box and its versions. */
final class Lms_Kit_Courses {
	const POST_TYPE = 'lms_course';
	const FIELD     = 'lms_kit_package';

	public static function init(): void {
		add_action( 'init', array( self::class, 'register' ) );
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( self::class, 'meta_box' ) );
		add_action( 'post_edit_form_tag', array( self::class, 'multipart' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( self::class, 'save' ), 10, 2 );
		add_action( 'admin_notices', array( self::class, 'notices' ) );
		// The upload is a file field of the edit form: the classic edit screen posts it with the course.
		add_filter(
			'use_block_editor_for_post_type',
			static function ( $use, $type ) {
				return self::POST_TYPE === $type ? false : $use;
			},
			10,
			2
		);
	}

	public static function register(): void {
		register_post_type(
			self::POST_TYPE,
			array(
				'labels'       => array(
					'name'          => __( 'Courses', 'lms-kit' ),
					'singular_name' => __( 'Course', 'lms-kit' ),
					'add_new_item'  => __( 'Add New Course', 'lms-kit' ),
					'edit_item'     => __( 'Edit Course', 'lms-kit' ),
				),
				'public'       => true,
				'show_in_rest' => true,
				'menu_icon'    => 'dashicons-welcome-learn-more',
				'supports'     => array( 'title', 'editor', 'author', 'thumbnail' ),
				'has_archive'  => true,
				'rewrite'      => array( 'slug' => 'courses' ),
			)
		);
	}

	public static function multipart( WP_Post $post ): void {
		if ( self::POST_TYPE === $post->post_type ) {
			echo ' enctype="multipart/form-data"';
		}
	}

	public static function meta_box(): void {
		add_meta_box( 'lms-kit-package', __( 'Course package', 'lms-kit' ), array( self::class, 'render_box' ), self::POST_TYPE, 'normal', 'high' );
	}

	public static function render_box( WP_Post $post ): void {
		wp_nonce_field( 'lms_kit_upload', 'lms_kit_upload_nonce' );
		$current = self::current( $post->ID );
		if ( $current ) {
			printf(
				'<p>%s <code>%s</code> — %s <strong>%s</strong>, %s %d. %s <code>[lms_course id="%d"]</code></p>',
				esc_html__( 'Course id', 'lms-kit' ),
				esc_html( $current['courseId'] ),
				esc_html__( 'kind', 'lms-kit' ),
				esc_html( $current['kind'] ),
				esc_html__( 'version', 'lms-kit' ),
				(int) $current['version'],
				esc_html__( 'Put it on a page with the "LMS Kit course" block or', 'lms-kit' ),
				(int) $post->ID
			);
		}
		printf(
			'<p><label for="%1$s">%2$s</label><br><input type="file" id="%1$s" name="%1$s" accept=".zip,application/zip"></p><p class="description">%3$s</p>',
			esc_attr( self::FIELD ),
			esc_html__( 'Upload a zip: an LMS Kit course (course.json and its files), a SCORM 1.2 or 2004 package, or a cmi5 course.', 'lms-kit' ),
			esc_html__( 'A new upload becomes a new version; earlier versions are kept.', 'lms-kit' )
		);
	}

	/** The published version of a course post, or null. */
	public static function current( int $post_id ): ?array {
		$versions = get_post_meta( $post_id, '_lms_kit_versions', true );
		return is_array( $versions ) && $versions ? end( $versions ) : null;
	}

	/** The URL the player opens for a course post, or null. */
	public static function src( int $post_id ): ?string {
		$current = self::current( $post_id );
		return $current ? wp_upload_dir()['baseurl'] . "/lms-kit/$post_id/v{$current['version']}/{$current['launch']}" : null;
	}

	public static function save( int $post_id, WP_Post $post ): void {
		if ( empty( $_FILES[ self::FIELD ]['name'] ) || wp_is_post_revision( $post_id ) ) {
			return;
		}
		if ( ! isset( $_POST['lms_kit_upload_nonce'] ) || ! wp_verify_nonce( sanitize_key( $_POST['lms_kit_upload_nonce'] ), 'lms_kit_upload' ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		$issues = self::publish_upload( $post_id, $post );
		set_transient( 'lms_kit_notice_' . get_current_user_id(), $issues, 60 );
	}

	/** Stores, checks and publishes the uploaded zip; answers the problems found (none: published). */
	private static function publish_upload( int $post_id, WP_Post $post ): array {
		require_once ABSPATH . 'wp-admin/includes/file.php';
		require_once ABSPATH . 'wp-admin/includes/media.php';
		require_once ABSPATH . 'wp-admin/includes/image.php';
		$name = sanitize_file_name( wp_unslash( $_FILES[ self::FIELD ]['name'] ) ); // phpcs:ignore WordPress.Security
		if ( ! preg_match( '/\.zip$/i', $name ) ) {
			return array( "\"$name\" is not a zip file. Upload the course or package as a .zip." );
		}
		// Kept in the media library, attached to the course.
		$attachment = media_handle_upload( self::FIELD, $post_id );
		if ( is_wp_error( $attachment ) ) {
			return array( $attachment->get_error_message() );
		}
		$zip      = get_attached_file( $attachment );
		$versions = get_post_meta( $post_id, '_lms_kit_versions', true );
		$versions = is_array( $versions ) ? $versions : array();
		$version  = count( $versions ) + 1;
		$dir      = wp_upload_dir()['basedir'] . "/lms-kit/$post_id/v$version";
		WP_Filesystem();
		wp_mkdir_p( $dir );
		$unzipped = unzip_file( $zip, $dir );
		if ( is_wp_error( $unzipped ) ) {
			self::remove( $dir );
			return array( 'The zip could not be opened: ' . $unzipped->get_error_message() );
		}
		$found = Lms_Kit_Package_Check::inspect( $dir );
		if ( $found['issues'] ) {
			self::remove( $dir );
			return $found['issues'];
		}
		if ( 'package.zip' === $found['launch'] ) {
			// SCORM and cmi5 packages play from their zip (unzipped in the browser, served by the service worker).
			copy( $zip, "$dir/package.zip" );
		}
		$versions[] = array(
			'version'    => $version,
			'kind'       => $found['kind'],
			'courseId'   => $found['courseId'],
			'title'      => $found['title'],
			'launch'     => $found['launch'],
			'attachment' => $attachment,
			'uploadedAt' => gmdate( 'c' ),
		);
		update_post_meta( $post_id, '_lms_kit_versions', $versions );
		self::register_course( $post_id, $post );
		return array();
	}

	/** The course row of the protocol: its author (and listed instructors) teach it. */
	public static function register_course( int $post_id, WP_Post $post ): void {
		$current = self::current( $post_id );
		if ( ! $current ) {
			return;
		}
		$instructors = array();
		$author      = get_userdata( (int) $post->post_author );
		if ( $author ) {
			$instructors[] = Lms_Kit_Tokens::learner_id( $author );
		}
		foreach ( (array) get_post_meta( $post_id, '_lms_kit_instructors', true ) as $user_id ) {
			$user = get_userdata( (int) $user_id );
			if ( $user ) {
				$instructors[] = Lms_Kit_Tokens::learner_id( $user );
			}
		}
		lms_kit_put_course( Lms_Kit_Settings::tenant(), $current['courseId'], get_the_title( $post ), false, $instructors );
	}

	private static function remove( string $dir ): void {
		global $wp_filesystem;
		if ( $wp_filesystem ) {
			$wp_filesystem->delete( $dir, true );
		}
	}

	public static function notices(): void {
		$key    = 'lms_kit_notice_' . get_current_user_id();
		$issues = get_transient( $key );
		if ( false === $issues ) {
			return;
		}
		delete_transient( $key );
		if ( ! $issues ) {
			echo '<div class="notice notice-success lms-kit-upload-ok"><p>' . esc_html__( 'The course package was checked and published as a new version.', 'lms-kit' ) . '</p></div>';
			return;
		}
		echo '<div class="notice notice-error lms-kit-upload-error"><p>' . esc_html__( 'The package was not published. What needs fixing:', 'lms-kit' ) . '</p><ul>';
		foreach ( $issues as $issue ) {
			echo '<li>' . esc_html( $issue ) . '</li>';
		}
		echo '</ul></div>';
	}
}
